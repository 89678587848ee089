package io.warroom.review;

import java.time.Instant;
import java.util.List;

/** What a review is made from: the incidents, newest resolved first, and when it is made. */
public record ReviewInput(int asked, List<ReviewedIncident> incidents, Instant generatedAt) {}
