// The Warroom sandbox page: a small Slack client for the local workspace.
// Plain JavaScript, no build step. It long-polls /sandbox/api/state and re-renders what changed;
// everything a person does goes to /sandbox/api/*, which sends Warroom Slack's own requests.
(function () {
  "use strict";

  const EMOJI = {
    adhesive_bandage: "🩹", alarm_clock: "⏰", arrow_up_down: "↕️", ballot_box_with_check: "☑️",
    bell: "🔔", busts_in_silhouette: "👥", calendar: "📅", dart: "🎯", grey_question: "❔",
    heavy_minus_sign: "➖", hourglass_flowing_sand: "⏳", information_source: "ℹ️",
    large_blue_circle: "🔵", large_green_circle: "🟢", large_orange_circle: "🟠",
    large_yellow_circle: "🟡", leftwards_arrow_with_hook: "↩️", lock: "🔒", loudspeaker: "📢",
    memo: "📝", microscope: "🔬", page_facing_up: "📄", performing_arts: "🎭", pushpin: "📌",
    red_circle: "🔴", rotating_light: "🚨", warning: "⚠️", white_check_mark: "✅", eyes: "👀",
    "+1": "👍", thumbsup: "👍", fire: "🔥", tada: "🎉", x: "❌", mag: "🔍", link: "🔗",
    scales: "⚖️", handshake: "🤝", no_entry_sign: "🚫", wave: "👋"
  };
  const QUICK_REACTIONS = ["pushpin", "eyes", "white_check_mark", "+1"];
  const PERMALINK = /^https:\/\/[\w-]+\.slack\.com\/archives\/(\w+)\/p(\d{10})(\d{6})/;

  const ui = {
    as: document.getElementById("as"),
    channels: document.getElementById("channels"),
    channelName: document.getElementById("channel-name"),
    topic: document.getElementById("channel-topic"),
    members: document.getElementById("channel-members"),
    join: document.getElementById("join"),
    messages: document.getElementById("messages"),
    composer: document.getElementById("composer"),
    text: document.getElementById("text"),
    notice: document.getElementById("notice"),
    side: document.getElementById("side"),
    sideTitle: document.getElementById("side-title"),
    sideClose: document.getElementById("side-close"),
    thread: document.getElementById("thread"),
    replyComposer: document.getElementById("reply-composer"),
    replyText: document.getElementById("reply-text"),
    fileView: document.getElementById("file-view"),
    backdrop: document.getElementById("modal-backdrop"),
    modal: document.getElementById("modal"),
    modalTitle: document.getElementById("modal-title"),
    modalBody: document.getElementById("modal-body"),
    modalError: document.getElementById("modal-error"),
    modalSubmit: document.getElementById("modal-submit"),
    modalCancel: document.getElementById("modal-cancel"),
    modalClose: document.getElementById("modal-close"),
    confirmBackdrop: document.getElementById("confirm-backdrop"),
    confirmTitle: document.getElementById("confirm-title"),
    confirmText: document.getElementById("confirm-text"),
    confirmOk: document.getElementById("confirm-ok"),
    confirmDeny: document.getElementById("confirm-deny")
  };

  const view = {
    as: localStorage.getItem("warroom-sandbox-as") || "",
    channel: localStorage.getItem("warroom-sandbox-channel") || "",
    thread: "",
    file: ""
  };
  let state = null;
  let shownModal = "";
  let poll = null;
  let generation = 0;
  let highlight = "";
  let editing = "";
  let editText = "";

  // ---- text ----

  function esc(s) {
    return String(s == null ? "" : s)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function unescapeSlack(s) {
    return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function emoji(s) {
    return s.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] || m);
  }

  function userName(id) {
    const u = state && state.users[id];
    return u ? (u.bot ? u.name : u.realName) : id;
  }

  function channelName(id) {
    return (state && state.channelNames[id]) || id;
  }

  // Slack mrkdwn to HTML: control sequences first, then escaping, then formatting.
  function mrkdwn(text) {
    const held = [];
    const hold = (html) => "\u0000" + (held.push(html) - 1) + "\u0000";
    let s = String(text == null ? "" : text);
    s = s.replace(/```([\s\S]*?)```/g, (m, code) => hold("<pre>" + esc(unescapeSlack(code)) + "</pre>"));
    s = s.replace(/`([^`\n]+)`/g, (m, code) => hold("<code>" + esc(unescapeSlack(code)) + "</code>"));
    s = s.replace(/<([^<>\n]+)>/g, (m, inner) => hold(control(inner)));
    s = esc(unescapeSlack(s));
    s = s.replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,!?:;<])/g, "$1<b>$2</b>");
    s = s.replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,!?:;<])/g, "$1<i>$2</i>");
    s = s.replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,!?:;<])/g, "$1<s>$2</s>");
    s = s.split("\n").map((line) => line.startsWith("&gt; ") || line === "&gt;"
      ? "<blockquote>" + line.replace(/^&gt; ?/, "") + "</blockquote>" : line + "<br>").join("");
    s = s.replace(/(<br>)+$/, "");
    s = emoji(s);
    return s.replace(/\u0000(\d+)\u0000/g, (m, i) => held[Number(i)]);
  }

  function control(inner) {
    const [target, label] = splitOnce(inner, "|");
    if (target.startsWith("@")) {
      return '<span class="mention">@' + esc(userName(target.slice(1)) || label) + "</span>";
    }
    if (target.startsWith("#")) {
      const id = target.slice(1);
      return '<span class="channel-link" data-goto-channel="' + esc(id) + '">#' +
        esc(label || channelName(id)) + "</span>";
    }
    if (target.startsWith("!")) {
      if (target.startsWith("!date^")) {
        const parts = target.split("^");
        return '<span class="date" title="' + esc(label) + '">' + esc(slackDate(Number(parts[1]), parts[2] || "", label)) + "</span>";
      }
      const name = target.startsWith("!subteam^") ? (label || "@group") : "@" + target.slice(1);
      return '<span class="mention broadcast">' + esc(name) + "</span>";
    }
    const url = unescapeSlack(target);
    if (/^(https?:|mailto:)/.test(url)) {
      return '<a href="' + esc(url) + '" target="_blank" rel="noopener">' +
        esc(unescapeSlack(label || url)) + "</a>";
    }
    return esc(unescapeSlack(label || target));
  }

  // Slack's date formatting: <!date^epoch^{date_short_pretty} at {time}|fallback>.
  function slackDate(epoch, format, fallback) {
    if (!isFinite(epoch)) return fallback || "";
    const d = new Date(epoch * 1000);
    const day = (x) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
    const days = Math.round((day(d) - day(new Date())) / 86400000);
    const pretty = (plain) => days === 0 ? "today" : days === -1 ? "yesterday" : days === 1 ? "tomorrow" : plain;
    const long = d.toLocaleDateString([], { weekday: "long", year: "numeric", month: "long", day: "numeric" });
    const medium = d.toLocaleDateString([], { year: "numeric", month: "long", day: "numeric" });
    const short = d.toLocaleDateString([], { year: "numeric", month: "short", day: "numeric" });
    const tokens = {
      date_num: d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"),
      date: medium, date_short: short, date_long: long,
      date_pretty: pretty(medium), date_short_pretty: pretty(short), date_long_pretty: pretty(long),
      time: d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
      time_secs: d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
      ago: ago(d)
    };
    return format.replace(/\{(\w+)\}/g, (m, t) => (t in tokens ? tokens[t] : m));
  }

  function ago(d) {
    const seconds = Math.round((Date.now() - d.getTime()) / 1000);
    const abs = Math.abs(seconds);
    const [n, unit] = abs < 60 ? [abs, "second"] : abs < 3600 ? [Math.round(abs / 60), "minute"]
      : abs < 86400 ? [Math.round(abs / 3600), "hour"] : [Math.round(abs / 86400), "day"];
    if (abs < 45) return seconds >= 0 ? "just now" : "in a few seconds";
    const span = n + " " + unit + (n === 1 ? "" : "s");
    return seconds >= 0 ? span + " ago" : "in " + span;
  }

  // What someone would have typed to get this message text: mentions back to @name.
  function typedForm(text) {
    return unescapeSlack(String(text || "").replace(/<([@#!])([^|>]+)(?:\|([^>]*))?>/g, (m, kind, id, label) => {
      if (kind === "@") return "@" + ((state.users[id] || {}).name || label || id);
      if (kind === "#") return "#" + (label || channelName(id));
      return "@" + id;
    }));
  }

  function splitOnce(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
  }

  function textObject(t) {
    if (!t) return "";
    return t.type === "mrkdwn" ? mrkdwn(t.text) : emoji(esc(t.text));
  }

  function time(ts) {
    const d = new Date(Number(String(ts).split(".")[0]) * 1000);
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  // ---- Block Kit ----

  function blocks(list, inModal) {
    return '<div class="blocks">' + (list || []).map((b) => block(b, inModal)).join("") + "</div>";
  }

  function block(b, inModal) {
    switch (b.type) {
      case "header":
        return '<div class="block-header">' + textObject(b.text) + "</div>";
      case "section": {
        let html = '<div class="block-section" data-block-id="' + esc(b.block_id || "") + '"><div class="section-text">';
        if (b.text) html += textObject(b.text);
        if (b.fields) html += '<div class="fields">' + b.fields.map((f) => "<div>" + textObject(f) + "</div>").join("") + "</div>";
        html += "</div>";
        if (b.accessory) html += element(b.accessory, inModal);
        return html + "</div>";
      }
      case "context":
        return '<div class="block-context">' + (b.elements || []).map((e) =>
          e.type === "image" ? '<span class="block-image">[' + esc(e.alt_text) + "]</span>" : "<span>" + textObject(e) + "</span>").join("") + "</div>";
      case "divider":
        return '<hr class="block-divider">';
      case "actions":
        return '<div class="block-actions" data-block-id="' + esc(b.block_id || "") + '">' +
          (b.elements || []).map((e) => element(e, inModal)).join("") + "</div>";
      case "image":
        return '<div class="block-image">[image: ' + esc(b.alt_text) + "]</div>";
      case "input":
        return input(b);
      case "rich_text":
        return '<div class="text">' + esc(richText(b)) + "</div>";
      default:
        return '<div class="unsupported">[' + esc(b.type) + " block]</div>";
    }
  }

  function richText(b) {
    const out = [];
    const walk = (n) => {
      if (!n) return;
      if (n.type === "text") out.push(n.text);
      else if (n.type === "user") out.push("@" + userName(n.user_id));
      else if (n.type === "channel") out.push("#" + channelName(n.channel_id));
      else if (n.type === "link") out.push(n.text || n.url);
      (n.elements || []).forEach(walk);
    };
    walk(b);
    return out.join("");
  }

  function element(e, inModal) {
    const id = esc(e.action_id || "");
    switch (e.type) {
      case "button": {
        const style = e.style === "primary" ? " primary" : e.style === "danger" ? " danger" : "";
        if (e.url) {
          return '<a class="button' + style + '" href="' + esc(e.url) + '" target="_blank" rel="noopener">' + textObject(e.text) + "</a>";
        }
        return '<button type="button" class="button' + style + '" data-action-id="' + id + '" data-value="' +
          esc(e.value || "") + '"' + (e.confirm ? ' data-confirm="' + esc(JSON.stringify(e.confirm)) + '"' : "") +
          (inModal ? " disabled" : "") + ">" + textObject(e.text) + "</button>";
      }
      case "static_select":
      case "overflow": {
        const overflow = e.type === "overflow";
        const placeholder = overflow ? "⋯" : (e.placeholder ? e.placeholder.text : "Select");
        let html = '<select class="' + (overflow ? "overflow" : "select") + '" data-action-id="' + id + '" title="' + esc(placeholder) + '">';
        html += '<option value="" selected disabled>' + esc(placeholder) + "</option>";
        html += options(e).map((o) => '<option value="' + esc(o.value) + '"' +
          (!overflow && e.initial_option && e.initial_option.value === o.value ? " selected" : "") + ">" +
          emoji(esc(o.text.text)) + "</option>").join("");
        return html + "</select>";
      }
      case "users_select":
        return '<select class="select" data-action-id="' + id + '">' + userOptions(e.initial_user, e.placeholder) + "</select>";
      case "image":
        return '<span class="block-image">[' + esc(e.alt_text) + "]</span>";
      default:
        return '<span class="unsupported">[' + esc(e.type) + "]</span>";
    }
  }

  function options(e) {
    if (e.options) return e.options;
    return (e.option_groups || []).flatMap((g) => g.options || []);
  }

  function userOptions(selected, placeholder) {
    let html = '<option value=""' + (selected ? "" : " selected") + ">" + esc(placeholder ? placeholder.text : "Select a person") + "</option>";
    Object.values(state.users).filter((u) => !u.bot).forEach((u) => {
      html += '<option value="' + esc(u.id) + '"' + (u.id === selected ? " selected" : "") + ">" + esc(u.realName) + "</option>";
    });
    return html;
  }

  function input(b) {
    const e = b.element || {};
    const id = esc(e.action_id || "");
    const label = '<label>' + textObject(b.label) + (b.optional ? ' <span class="optional">(optional)</span>' : "") + "</label>";
    let field;
    switch (e.type) {
      case "plain_text_input":
        field = e.multiline
          ? '<textarea data-input="' + id + '" placeholder="' + esc(e.placeholder ? e.placeholder.text : "") + '">' + esc(e.initial_value || "") + "</textarea>"
          : '<input type="text" data-input="' + id + '" value="' + esc(e.initial_value || "") + '" placeholder="' + esc(e.placeholder ? e.placeholder.text : "") + '">';
        break;
      case "number_input":
        field = '<input type="number" data-input="' + id + '" value="' + esc(e.initial_value || "") + '">';
        break;
      case "static_select":
        field = '<select data-input="' + id + '"><option value="">' + esc(e.placeholder ? e.placeholder.text : "Select") + "</option>" +
          options(e).map((o) => '<option value="' + esc(o.value) + '"' + (e.initial_option && e.initial_option.value === o.value ? " selected" : "") + ">" + emoji(esc(o.text.text)) + "</option>").join("") + "</select>";
        break;
      case "users_select":
        field = '<select data-input="' + id + '">' + userOptions(e.initial_user, e.placeholder) + "</select>";
        break;
      case "checkboxes":
      case "radio_buttons": {
        const kind = e.type === "checkboxes" ? "checkbox" : "radio";
        const initial = (e.initial_options || (e.initial_option ? [e.initial_option] : [])).map((o) => o.value);
        field = (e.options || []).map((o) => '<label class="checkbox"><input type="' + kind + '" name="' + id + '" data-input="' + id + '" value="' + esc(o.value) + '"' +
          (initial.includes(o.value) ? " checked" : "") + "> " + textObject(o.text) + "</label>").join("");
        break;
      }
      case "datepicker":
        field = '<input type="date" data-input="' + id + '" value="' + esc(e.initial_date || "") + '">';
        break;
      default:
        field = '<span class="unsupported">[' + esc(e.type) + "]</span>";
    }
    return '<div class="input-block" data-block-id="' + esc(b.block_id || "") + '">' + label + field +
      (b.hint ? '<div class="hint-text">' + textObject(b.hint) + "</div>" : "") +
      '<div class="field-error" data-error-for="' + esc(b.block_id || "") + '"></div></div>';
  }

  // ---- messages ----

  function avatar(m) {
    const name = m.author || "?";
    return '<div class="avatar' + (m.bot ? " bot" : "") + '">' + esc(m.bot ? "W" : name.charAt(0).toUpperCase()) + "</div>";
  }

  function message(m, inThread) {
    let body = m.blocks && m.blocks.length ? blocks(m.blocks, false) : '<div class="text">' + mrkdwn(m.text) + "</div>";
    const mine = state && m.user === state.me && !m.bot;
    if (mine && editing === m.ts) {
      body = '<div class="edit-form"><textarea class="edit-text"></textarea>' +
        '<button type="button" class="button" data-edit-cancel>Cancel</button> ' +
        '<button type="button" class="button primary" data-edit-save>Save</button></div>';
    }
    let html = '<div class="message' + (m.pinned ? " pinned" : "") + (m.ts === highlight ? " highlight" : "") +
      '" data-ts="' + esc(m.ts) + '" data-author="' + esc(m.author) + '">' + avatar(m) + '<div class="body"><div class="meta">' +
      '<span class="author">' + esc(m.author) + "</span>" + (m.bot ? '<span class="app">APP</span>' : "") +
      "<span>" + esc(time(m.ts)) + "</span>" + (m.pinned ? '<span class="pin-mark">📌 Pinned</span>' : "") + "</div>" + body;
    if (m.edited) html += '<span class="edited">(edited)</span>';
    if (m.files.length) {
      html += '<div class="files">' + m.files.map((f) => '<div class="file" data-file-id="' + esc(f.id) + '" title="Open ' + esc(f.name) + '">' +
        '<span class="file-icon">📄</span><div><div>' + esc(f.title) + '</div><div class="file-name">' + esc(f.name) + "</div></div></div>").join("") + "</div>";
    }
    if (m.reactions.length) {
      html += '<div class="reactions">' + m.reactions.map((r) => '<span class="reaction' + (r.mine ? " mine" : "") + '" data-reaction="' + esc(r.name) +
        '" data-mine="' + r.mine + '" title=":' + esc(r.name) + ':">' + (EMOJI[r.name] || ":" + esc(r.name) + ":") + " " + r.count + "</span>").join("") + "</div>";
    }
    if (!inThread && m.replies > 0) {
      html += '<span class="replies-link" data-open-thread="' + esc(m.ts) + '">' + m.replies + (m.replies === 1 ? " reply" : " replies") + "</span>";
    }
    html += '</div><div class="hover-actions">' + QUICK_REACTIONS.map((r) => '<button type="button" data-react="' + r + '" title="React with :' + r + ':">' + EMOJI[r] + "</button>").join("") +
      (inThread ? "" : '<button type="button" data-open-thread="' + esc(m.ts) + '" title="Reply in thread">💬</button>') +
      (mine ? '<button type="button" data-edit title="Edit message">✏️</button><button type="button" data-delete title="Delete message">🗑️</button>' : "") +
      "</div></div>";
    return html;
  }

  function ephemeral(e) {
    const body = e.blocks && e.blocks.length ? blocks(e.blocks, true) : '<div class="text">' + mrkdwn(e.text) + "</div>";
    return '<div class="message ephemeral"><div class="avatar bot">W</div><div class="body"><div class="only-you">👁 Only visible to you</div>' +
      '<div class="meta"><span class="author">warroom</span><span class="app">APP</span><span>' + esc(new Date(e.at).toLocaleTimeString()) + "</span></div>" + body + "</div></div>";
  }

  // ---- rendering ----

  function render() {
    if (!state) return;
    if (view.as !== state.me) {
      view.as = state.me;
      localStorage.setItem("warroom-sandbox-as", view.as);
    }
    if (!ui.as.options.length) {
      state.people.forEach((p) => {
        const o = document.createElement("option");
        o.value = p.id;
        o.textContent = p.realName + " (@" + p.name + ")";
        ui.as.appendChild(o);
      });
    }
    ui.as.value = state.me;

    setHtml(ui.channels, state.channels.map((c) => '<li data-channel="' + esc(c.id) + '" data-channel-name="' + esc(c.name) + '" class="' +
      (c.id === state.channel.id ? "active" : "") + (c.member ? "" : " not-member") + '">' + (c.private ? "🔒 " : "# ") + esc(c.name) +
      (c.name.includes("-drill-") ? '<span class="drill">drill</span>' : "") + "</li>").join(""));

    const c = state.channel;
    view.channel = c.id;
    localStorage.setItem("warroom-sandbox-channel", c.id);
    ui.channelName.textContent = (c.private ? "🔒 " : "# ") + c.name;
    setHtml(ui.topic, mrkdwn(c.topic));
    ui.members.textContent = "Members: " + c.members;
    ui.join.hidden = c.member;
    ui.text.placeholder = c.member ? "Message #" + c.name + ", or /incident help" : "/incident help (join the channel to post messages)";

    const stick = ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 80;
    const items = state.messages.map((m) => ({ at: Number(m.ts) * 1000, html: message(m, false) }))
      .concat(state.ephemerals.map((e) => ({ at: e.at, html: ephemeral(e) })));
    items.sort((a, b) => a.at - b.at);
    setHtml(ui.messages, items.map((i) => i.html).join("") ||
      '<div class="unsupported" style="padding:8px 18px">No messages yet.</div>');
    if (stick) ui.messages.scrollTop = ui.messages.scrollHeight;
    if (highlight) {
      const target = ui.messages.querySelector('[data-ts="' + highlight + '"]');
      if (target) target.scrollIntoView({ block: "center" });
      highlight = "";
    }

    if (view.thread && state.thread) {
      ui.side.hidden = false;
      ui.fileView.hidden = true;
      ui.thread.hidden = false;
      ui.replyComposer.hidden = false;
      ui.sideTitle.textContent = "Thread in #" + c.name;
      setHtml(ui.thread, state.thread.map((m) => message(m, true)).join(""));
    } else if (!view.file) {
      view.thread = "";
      ui.side.hidden = true;
    }
    fillEditBox();
    renderModal();
  }

  // The edit box is drawn empty (so typing does not redraw it) and filled once when it appears.
  function fillEditBox() {
    const box = document.querySelector(".edit-text");
    if (box && box.dataset.filled !== "1") {
      box.value = editText;
      box.dataset.filled = "1";
      box.focus();
    }
  }

  // Replaces an element's content only when it changed, so hovers, open selects and focus survive.
  function setHtml(el, html) {
    if (el.dataset.rendered !== html) {
      el.innerHTML = html;
      el.dataset.rendered = html;
    }
  }

  function renderModal() {
    const m = state.modal;
    if (!m) {
      ui.backdrop.hidden = true;
      shownModal = "";
      return;
    }
    const key = m.id + JSON.stringify(m.view) + JSON.stringify(m.errors || {});
    if (key === shownModal) return;
    const sameView = shownModal.startsWith(m.id) && shownModal.slice(m.id.length).startsWith(JSON.stringify(m.view));
    const kept = sameView ? modalValues() : null;
    shownModal = key;
    ui.modal.dataset.viewId = m.id;
    ui.modal.dataset.callbackId = m.view.callback_id || "";
    ui.modalTitle.textContent = m.view.title ? m.view.title.text : "";
    ui.modalSubmit.textContent = m.view.submit ? m.view.submit.text : "Submit";
    ui.modalSubmit.hidden = !m.view.submit;
    ui.modalCancel.textContent = m.view.close ? m.view.close.text : "Cancel";
    ui.modalBody.innerHTML = blocks(m.view.blocks, true);
    if (kept) restoreModalValues(kept);
    ui.modalError.textContent = "";
    Object.entries(m.errors || {}).forEach(([blockId, text]) => {
      const slot = ui.modalBody.querySelector('[data-error-for="' + CSS.escape(blockId) + '"]');
      if (slot) slot.textContent = text;
      else ui.modalError.textContent = text;
    });
    ui.modalSubmit.disabled = false;
    ui.backdrop.hidden = false;
  }

  function modalValues() {
    const values = {};
    ui.modalBody.querySelectorAll("[data-input]").forEach((el) => {
      const id = el.dataset.input;
      if (el.type === "checkbox") {
        if (!(id in values)) values[id] = [];
        if (el.checked) values[id].push(el.value);
      } else if (el.type === "radio") {
        if (el.checked) values[id] = el.value;
      } else if (el.value !== "") {
        values[id] = el.value;
      }
    });
    Object.keys(values).forEach((k) => { if (Array.isArray(values[k])) values[k] = values[k].join(","); });
    return values;
  }

  function restoreModalValues(values) {
    ui.modalBody.querySelectorAll("[data-input]").forEach((el) => {
      const v = values[el.dataset.input];
      if (v == null) return;
      if (el.type === "checkbox") el.checked = v.split(",").includes(el.value);
      else if (el.type === "radio") el.checked = el.value === v;
      else el.value = v;
    });
  }

  // ---- talking to the server ----

  function query(since) {
    const p = new URLSearchParams();
    if (view.as) p.set("as", view.as);
    if (view.channel) p.set("channel", view.channel);
    if (view.thread) p.set("thread", view.thread);
    if (since != null) p.set("since", since);
    return "/sandbox/api/state?" + p.toString();
  }

  // One long-poll at a time; a new view (person, channel, thread) or an action restarts it.
  function refresh() {
    generation++;
    const mine = generation;
    if (poll) poll.abort();
    poll = new AbortController();
    const signal = poll.signal;
    const loop = (since) => fetch(query(since), { signal, cache: "no-store" })
      .then((r) => {
        // 429: too many tabs are waiting for changes; the catch below tries again in a second.
        if (!r.ok) throw new Error("state answered " + r.status);
        return r.json();
      })
      .then((s) => {
        if (mine !== generation) return;
        state = s;
        render();
        loop(s.version);
      })
      .catch((e) => {
        if (mine !== generation || (e && e.name === "AbortError")) return;
        setTimeout(() => { if (mine === generation) loop(null); }, 1000);
      });
    loop(null);
  }

  // The sample alert: Warroom POSTs it to its own Alertmanager endpoint with the token.
  document.getElementById("fire-alert").addEventListener("click", () =>
    act("alert", { severity: "warning", state: "firing" }));
  document.getElementById("resolve-alert").addEventListener("click", () =>
    act("alert", { severity: "warning", state: "resolved" }));

  function act(path, body) {
    body.as = view.as;
    return fetch("/sandbox/api/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then((r) => r.json().catch(() => ({ ok: r.ok }))).then((answer) => {
      if (answer && answer.ok === false) showNotice(answer.error || "That did not work.");
      else hideNotice();
      refresh();
      return answer;
    });
  }

  function showNotice(text) {
    ui.notice.textContent = text;
    ui.notice.hidden = false;
  }

  function hideNotice() {
    ui.notice.hidden = true;
  }

  // ---- files ----

  function openFile(id) {
    view.file = id;
    view.thread = "";
    ui.side.hidden = false;
    ui.thread.hidden = true;
    ui.replyComposer.hidden = true;
    ui.fileView.hidden = false;
    ui.sideTitle.textContent = "File";
    ui.fileView.textContent = "Loading…";
    fetch("/sandbox/files/" + encodeURIComponent(id)).then((r) => r.ok ? r.text() : Promise.reject(r.status))
      .then((text) => {
        ui.fileView.innerHTML = '<a class="raw-link" href="/sandbox/files/' + esc(id) + '" target="_blank">Open raw Markdown</a>' +
          '<div class="markdown">' + markdown(text) + "</div>";
      })
      .catch(() => { ui.fileView.textContent = "This file cannot be shown."; });
  }

  // A small Markdown reader for uploaded files: headings, lists, tables, quotes, code, emphasis, links.
  function markdown(md) {
    const inline = (s) => esc(s)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
      .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, "$1<i>$2</i>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label, url) =>
        /^(https?:|\/)/.test(url.replace(/&amp;/g, "&")) ? '<a href="' + url + '" target="_blank" rel="noopener">' + label + "</a>" : label);
    const lines = md.split("\n");
    let html = "";
    let list = null;
    let table = null;
    let code = null;
    const closeList = () => { if (list) { html += "</" + list + ">"; list = null; } };
    const closeTable = () => { if (table) { html += "</table>"; table = null; } };
    for (const line of lines) {
      if (code !== null) {
        if (line.startsWith("```")) { html += "<pre>" + esc(code) + "</pre>"; code = null; } else code += line + "\n";
        continue;
      }
      if (line.startsWith("```")) { closeList(); closeTable(); code = ""; continue; }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
      if (/^\|.*\|\s*$/.test(line)) {
        closeList();
        if (/^\|[\s:|-]+\|\s*$/.test(line)) continue;
        const cells = line.trim().slice(1, -1).split("|").map((c) => inline(c.trim()));
        if (!table) { html += "<table>"; table = "open"; html += "<tr>" + cells.map((c) => "<th>" + c + "</th>").join("") + "</tr>"; }
        else html += "<tr>" + cells.map((c) => "<td>" + c + "</td>").join("") + "</tr>";
        continue;
      }
      closeTable();
      if (heading) { closeList(); html += "<h" + heading[1].length + ">" + inline(heading[2]) + "</h" + heading[1].length + ">"; }
      else if (bullet || numbered) {
        const kind = bullet ? "ul" : "ol";
        if (list !== kind) { closeList(); html += "<" + kind + ">"; list = kind; }
        html += "<li>" + inline((bullet || numbered)[1]) + "</li>";
      } else if (line.startsWith(">")) { closeList(); html += "<blockquote>" + inline(line.replace(/^>\s?/, "")) + "</blockquote>"; }
      else if (line.trim() === "") { closeList(); }
      else { closeList(); html += "<p>" + inline(line) + "</p>"; }
    }
    closeList();
    closeTable();
    if (code !== null) html += "<pre>" + esc(code) + "</pre>";
    return html;
  }

  // ---- events ----

  ui.as.addEventListener("change", () => {
    view.as = ui.as.value;
    localStorage.setItem("warroom-sandbox-as", view.as);
    view.thread = "";
    refresh();
  });

  ui.channels.addEventListener("click", (ev) => {
    const li = ev.target.closest("[data-channel]");
    if (!li) return;
    goTo(li.dataset.channel, "");
  });

  function goTo(channel, ts) {
    view.channel = channel;
    view.thread = "";
    view.file = "";
    highlight = ts;
    refresh();
  }

  ui.join.addEventListener("click", () => act("join", { channel: view.channel }));

  function send(textarea, thread) {
    const text = textarea.value.trim();
    if (!text) return;
    textarea.value = "";
    act("type", { channel: view.channel, thread: thread, text: text }).then((answer) => {
      if (answer && answer.ok === false) textarea.value = text;
    });
  }

  ui.composer.addEventListener("submit", (ev) => { ev.preventDefault(); send(ui.text, ""); });
  ui.replyComposer.addEventListener("submit", (ev) => { ev.preventDefault(); send(ui.replyText, view.thread); });
  [ui.text, ui.replyText].forEach((t) => t.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) {
      ev.preventDefault();
      t.form.requestSubmit();
    }
  }));

  function onMessageClick(ev) {
    const target = ev.target;
    const msg = target.closest(".message[data-ts]");
    const link = target.closest("a[href]");
    if (link && PERMALINK.test(link.href)) {
      ev.preventDefault();
      const p = PERMALINK.exec(link.href);
      goTo(p[1], p[2] + "." + p[3]);
      return;
    }
    const channelLink = target.closest("[data-goto-channel]");
    if (channelLink) { goTo(channelLink.dataset.gotoChannel, ""); return; }
    const file = target.closest("[data-file-id]");
    if (file) { openFile(file.dataset.fileId); return; }
    if (!msg) return;
    const threadOpen = target.closest("[data-open-thread]");
    if (threadOpen) {
      view.thread = threadOpen.dataset.openThread;
      view.file = "";
      refresh();
      return;
    }
    if (target.closest("[data-edit]")) {
      const m = findMessage(msg.dataset.ts);
      editing = msg.dataset.ts;
      editText = m ? typedForm(m.text) : "";
      render();
      return;
    }
    if (target.closest("[data-edit-cancel]")) { editing = ""; render(); return; }
    if (target.closest("[data-edit-save]")) {
      const box = msg.querySelector(".edit-text");
      const ts = editing;
      editing = "";
      act("edit", { channel: view.channel, ts: ts, text: box ? box.value : editText });
      return;
    }
    if (target.closest("[data-delete]")) {
      const ts = msg.dataset.ts;
      confirmFirst({ title: { text: "Delete message" }, text: { type: "plain_text", text: "Are you sure you want to delete this message? This cannot be undone." },
        confirm: { text: "Delete" }, deny: { text: "Cancel" }, style: "danger" },
      () => act("delete", { channel: view.channel, ts: ts }));
      return;
    }
    const react = target.closest("[data-react]");
    if (react) { act("react", { channel: view.channel, ts: msg.dataset.ts, name: react.dataset.react, add: true }); return; }
    const chip = target.closest("[data-reaction]");
    if (chip) {
      act("react", { channel: view.channel, ts: msg.dataset.ts, name: chip.dataset.reaction, add: chip.dataset.mine !== "true" });
      return;
    }
    const button = target.closest("button[data-action-id]");
    if (button && !button.disabled) {
      const press = () => {
        button.disabled = true;
        act("click", { channel: view.channel, ts: msg.dataset.ts, action: button.dataset.actionId, value: button.dataset.value });
      };
      if (button.dataset.confirm) confirmFirst(JSON.parse(button.dataset.confirm), press);
      else press();
    }
  }

  // Slack's confirmation dialog for buttons that carry a "confirm" object.
  let confirmed = null;
  function confirmFirst(c, then) {
    ui.confirmTitle.textContent = c.title ? c.title.text : "Are you sure?";
    ui.confirmText.innerHTML = textObject(c.text);
    ui.confirmOk.textContent = c.confirm ? c.confirm.text : "Yes";
    ui.confirmOk.className = "button " + (c.style === "danger" ? "danger" : "primary");
    ui.confirmDeny.textContent = c.deny ? c.deny.text : "Cancel";
    confirmed = then;
    ui.confirmBackdrop.hidden = false;
  }
  ui.confirmOk.addEventListener("click", () => {
    ui.confirmBackdrop.hidden = true;
    const then = confirmed;
    confirmed = null;
    if (then) then();
  });
  ui.confirmDeny.addEventListener("click", () => {
    ui.confirmBackdrop.hidden = true;
    confirmed = null;
  });

  function findMessage(ts) {
    return (state.messages || []).concat(state.thread || []).find((m) => m.ts === ts);
  }

  function onEditInput(ev) {
    if (ev.target.classList.contains("edit-text")) editText = ev.target.value;
  }

  function onMessageChange(ev) {
    const select = ev.target.closest("select[data-action-id]");
    const msg = ev.target.closest(".message[data-ts]");
    if (!select || !msg || !select.value) return;
    act("click", { channel: view.channel, ts: msg.dataset.ts, action: select.dataset.actionId, value: select.value });
  }

  [ui.messages, ui.thread].forEach((el) => {
    el.addEventListener("click", onMessageClick);
    el.addEventListener("change", onMessageChange);
    el.addEventListener("input", onEditInput);
  });
  ui.topic.addEventListener("click", onMessageClick);

  ui.sideClose.addEventListener("click", () => {
    view.thread = "";
    view.file = "";
    ui.side.hidden = true;
    refresh();
  });

  ui.modal.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ui.modalSubmit.disabled = true;
    act("submit", { view: ui.modal.dataset.viewId, values: modalValues() }).then(() => { ui.modalSubmit.disabled = false; });
  });
  const closeModal = () => act("close", { view: ui.modal.dataset.viewId });
  ui.modalCancel.addEventListener("click", closeModal);
  ui.modalClose.addEventListener("click", closeModal);

  refresh();
})();
