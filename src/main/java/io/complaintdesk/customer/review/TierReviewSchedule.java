package io.complaintdesk.customer.review;

import org.springframework.stereotype.Component;

/**
 * When the review starts by itself: the timer start event reads
 * {@code timeCycle="${tierReviewSchedule.cron}"} when the model is deployed, so a changed cron takes
 * effect with the next deployment of {@code client-tier-review.bpmn}.
 */
@Component("tierReviewSchedule")
public class TierReviewSchedule {

	private final TierReviewProperties properties;

	TierReviewSchedule(TierReviewProperties properties) {
		this.properties = properties;
	}

	/** {@code complaint-desk.tier-review.cron}, by default 02:00 on 1 January and 1 July. */
	public String getCron() {
		return this.properties.cron();
	}

}
