package io.complaintdesk.report;

import java.time.Instant;

/**
 * A released report (table {@code complaint_report}): the figures as they were when released, which
 * later changes in the registry do not alter.
 *
 * @param report the figures
 * @param releasedAt when it was released (the engine's clock)
 * @param releasedBy the user or process that released it
 */
public record StoredReport(ComplaintReport report, Instant releasedAt, String releasedBy) {
}
