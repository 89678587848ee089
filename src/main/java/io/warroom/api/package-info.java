/** The REST API (SPEC section 8), behind a bearer token. */
package io.warroom.api;
