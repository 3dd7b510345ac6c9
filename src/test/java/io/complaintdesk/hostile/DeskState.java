package io.complaintdesk.hostile;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a refused request must leave as it was, counted in the database: the registry and its
 * case-number counters, process instances (running and historic), tasks and variables, customers
 * and their history, the penalty ledger, the notification outbox.
 */
record DeskState(Map<String, Long> counts) {

	private static final Map<String, String> QUERIES = Map.ofEntries(
			Map.entry("complaints", "SELECT COUNT(*) FROM complaint"),
			Map.entry("rounds", "SELECT COUNT(*) FROM complaint_round"),
			Map.entry("verified complaints", "SELECT COUNT(*) FROM complaint WHERE verified_at IS NOT NULL"),
			Map.entry("case number days", "SELECT COUNT(*) FROM case_number_sequence"),
			Map.entry("case numbers given", "SELECT COALESCE(SUM(last_value), 0) FROM case_number_sequence"),
			Map.entry("process instances", "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_"),
			Map.entry("historic process instances", "SELECT COUNT(*) FROM ACT_HI_PROCINST"),
			Map.entry("open tasks", "SELECT COUNT(*) FROM ACT_RU_TASK"),
			Map.entry("variables", "SELECT COUNT(*) FROM ACT_RU_VARIABLE"),
			Map.entry("customers", "SELECT COUNT(*) FROM customer"),
			Map.entry("tier history", "SELECT COUNT(*) FROM customer_tier_history"),
			Map.entry("blacklist", "SELECT COUNT(*) FROM customer_blacklist"),
			Map.entry("penalties", "SELECT COUNT(*) FROM penalty_entry"),
			Map.entry("voided penalties", "SELECT COUNT(*) FROM penalty_entry WHERE voided_at IS NOT NULL"),
			Map.entry("notifications", "SELECT COUNT(*) FROM notification_outbox"),
			Map.entry("released reports", "SELECT COUNT(*) FROM complaint_report"),
			Map.entry("duplicate reports", "SELECT COUNT(*) FROM complaint_duplicate_report"),
			Map.entry("customer changes", "SELECT COUNT(*) FROM customer_change"));

	static DeskState of(JdbcTemplate jdbc) {
		Map<String, Long> counts = new TreeMap<>();
		QUERIES.forEach((name, sql) -> counts.put(name, jdbc.queryForObject(sql, Long.class)));
		return new DeskState(counts);
	}

}
