package io.complaintdesk.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of the complaint registry and the penalty ledger with explicit times, written straight
 * into the tables, so that each report figure can be counted by hand. Times are local times of
 * the desk's zone, Asia/Shanghai, e.g. {@code "2026-11-16 10:00"}.
 */
final class ReportSeed {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	ReportSeed(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code "2026-11-16 10:00"} (or with seconds) in Shanghai time. */
	static Instant at(String shanghaiTime) {
		return LocalDateTime.parse(shanghaiTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
	}

	Complaint complaint(String caseNumber, String receivedAt) {
		return new Complaint(caseNumber, receivedAt);
	}

	Round round(String caseNumber, int roundNo, String startedAt) {
		return new Round(caseNumber, roundNo, startedAt);
	}

	void penalty(String caseNumber, String person, String rule, String amount, String recordedAt, boolean voided) {
		this.jdbc.update("""
				INSERT INTO penalty_entry (case_number, person, rule, amount, occurrence_key, recorded_at, voided_at,
				    voided_by, void_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseNumber, person, rule, new BigDecimal(amount),
				rule + "@" + recordedAt, ts(recordedAt), voided ? ts(recordedAt) : null, voided ? "super1" : null,
				voided ? "Recorded by mistake" : null);
	}

	/** Removes the rows of these cases, rounds and penalties first. */
	void delete(String... caseNumbers) {
		for (String caseNumber : caseNumbers) {
			this.jdbc.update("DELETE FROM penalty_entry WHERE case_number = ?", caseNumber);
			this.jdbc.update("DELETE FROM complaint_round WHERE case_number = ?", caseNumber);
			this.jdbc.update("DELETE FROM complaint WHERE case_number = ?", caseNumber);
		}
	}

	private static Timestamp ts(String shanghaiTime) {
		return (shanghaiTime != null) ? Timestamp.from(at(shanghaiTime)) : null;
	}

	final class Complaint {

		private final String caseNumber;

		private final String receivedAt;

		private int level = 1;

		private boolean major;

		private String channel = "PHONE";

		private String category = "DELIVERY";

		private String complainantType = "CONSUMER";

		private String verifiedAt;

		private String closedAt;

		private String outcome;

		Complaint(String caseNumber, String receivedAt) {
			this.caseNumber = caseNumber;
			this.receivedAt = receivedAt;
		}

		Complaint level(int level) {
			this.level = level;
			return this;
		}

		Complaint major() {
			this.major = true;
			return this;
		}

		Complaint from(String channel, String category, String complainantType) {
			this.channel = channel;
			this.category = category;
			this.complainantType = complainantType;
			return this;
		}

		Complaint verified(String verifiedAt) {
			this.verifiedAt = verifiedAt;
			return this;
		}

		Complaint closed(String closedAt, String outcome) {
			this.closedAt = closedAt;
			this.outcome = outcome;
			return this;
		}

		void insert() {
			ReportSeed.this.jdbc.update("""
					INSERT INTO complaint (case_number, process_instance_id, received_at, registered_by, channel,
					    complainant_type, category, customer_name, contact_phone, description, demand,
					    complaint_level, major, current_round, valid, verified_by, verified_at, status, outcome,
					    archived_by, closed_at)
					VALUES (?, ?, ?, 'agent1', ?, ?, ?, 'Li Wei', '13900000000', 'Parcel arrived late', 'APOLOGY',
					    ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""", this.caseNumber, "report-tests-" + this.caseNumber,
					ts(this.receivedAt), this.channel, this.complainantType, this.category, this.level, this.major,
					(this.verifiedAt != null) ? !"NOT_SUBSTANTIATED".equals(this.outcome) : null,
					(this.verifiedAt != null) ? "agent1" : null, ts(this.verifiedAt),
					(this.closedAt != null) ? "CLOSED" : "OPEN", this.outcome, (this.closedAt != null) ? "clerk1" : null,
					ts(this.closedAt));
		}

	}

	final class Round {

		private final String caseNumber;

		private final int roundNo;

		private final String startedAt;

		private int level = 1;

		private String handledBy;

		private String handledAt;

		private Boolean reviewApproved;

		private int attempts;

		private Boolean reached;

		private Integer satisfaction;

		private String calledBackAt;

		private final String[] ratings = new String[4];

		Round(String caseNumber, int roundNo, String startedAt) {
			this.caseNumber = caseNumber;
			this.roundNo = roundNo;
			this.startedAt = startedAt;
		}

		Round level(int level) {
			this.level = level;
			return this;
		}

		/** Handled; {@code approved} is the review's verdict, {@code null} while the review is pending. */
		Round handled(String handledBy, String handledAt, Boolean approved) {
			this.handledBy = handledBy;
			this.handledAt = handledAt;
			this.reviewApproved = approved;
			return this;
		}

		Round reached(String calledBackAt, int satisfaction) {
			this.attempts++;
			this.reached = true;
			this.satisfaction = satisfaction;
			this.calledBackAt = calledBackAt;
			return this;
		}

		Round notReached(String calledBackAt, int attempts) {
			this.attempts = attempts;
			this.reached = false;
			this.calledBackAt = calledBackAt;
			return this;
		}

		/** Attitude, skill, arrival time, keeping promises; {@code null} where not rated. */
		Round rated(String attitude, String skill, String arrival, String promises) {
			this.ratings[0] = attitude;
			this.ratings[1] = skill;
			this.ratings[2] = arrival;
			this.ratings[3] = promises;
			return this;
		}

		void insert() {
			String group = switch (this.level) {
				case 1 -> "agents";
				case 2 -> "supervisors";
				default -> "directors";
			};
			ReportSeed.this.jdbc.update("""
					INSERT INTO complaint_round (case_number, round_no, complaint_level, major, handler_group,
					    reviewer_group, callback_group, started_at, handled_by, handled_at, review_approved,
					    callback_attempts, reached, satisfaction, called_back_by, called_back_at,
					    rating_attitude, rating_skill, rating_arrival, rating_promises)
					VALUES (?, ?, ?, FALSE, ?, 'supervisors', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					this.caseNumber, this.roundNo, this.level, group, group, ts(this.startedAt), this.handledBy,
					ts(this.handledAt), this.reviewApproved, this.attempts, this.reached, this.satisfaction,
					(this.calledBackAt != null) ? "agent2" : null, ts(this.calledBackAt), this.ratings[0],
					this.ratings[1], this.ratings[2], this.ratings[3]);
		}

	}

}
