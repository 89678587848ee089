/**
 * Read-only HTML pages for people without Slack (SPEC section 14): an incident's page and the
 * insights page, server-rendered by Thymeleaf (escaping by default, no JavaScript, inline SVG
 * charts), reachable only through links signed with HMAC-SHA256 over path and expiry ({@link
 * io.warroom.pages.PageLinks}). No Slack types here.
 */
package io.warroom.pages;
