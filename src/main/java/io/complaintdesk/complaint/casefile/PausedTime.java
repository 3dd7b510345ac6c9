package io.complaintdesk.complaint.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * How long cases waited for the customer (等待客户), for the monthly statistics: the pauses that ended
 * in a period and the working hours they lasted (the time every deadline of their cases moved by).
 */
@Component
public class PausedTime {

	private final CasePauses pauses;

	PausedTime(CasePauses pauses) {
		this.pauses = pauses;
	}

	public Totals resumedBetween(Instant from, Instant to) {
		long[] totals = this.pauses.resumedBetween(from, to);
		return new Totals(totals[0],
				BigDecimal.valueOf(totals[1]).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP));
	}

	/** @param workingHours paused working time, 1 decimal */
	public record Totals(long pauses, BigDecimal workingHours) {
	}

}
