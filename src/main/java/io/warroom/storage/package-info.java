/**
 * Database plumbing the features share: {@link io.warroom.storage.GroupCommit}, which lets short
 * writes from many requests share one transaction, so a burst pays for one commit instead of one
 * per request. Features own their tables and repositories; nothing here knows them.
 */
package io.warroom.storage;
