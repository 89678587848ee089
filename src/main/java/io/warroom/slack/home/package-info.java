/** App Home: the Home tab event, what one person sees, and its refresh when incidents change. */
package io.warroom.slack.home;
