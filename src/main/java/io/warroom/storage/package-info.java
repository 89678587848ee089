/**
 * Database plumbing the features share: {@link io.warroom.storage.DatabaseLocation} says at
 * start-up where an H2 file database is. Features own their tables and repositories; nothing here
 * knows them.
 */
package io.warroom.storage;
