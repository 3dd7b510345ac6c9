package io.complaintdesk.base;

import org.camunda.bpm.engine.HistoryService;

/**
 * Business keys for runs named by their date or period ({@code TIER-REVIEW-2026-H2},
 * {@code REPORTS-2026-11-23}): a further run of the same process gets {@code -2}, {@code -3}, …
 */
public final class BusinessKeys {

	private BusinessKeys() {
	}

	public static String unused(HistoryService history, String processDefinitionKey, String key) {
		String candidate = key;
		for (int n = 2; isTaken(history, processDefinitionKey, candidate); n++) {
			candidate = key + "-" + n;
		}
		return candidate;
	}

	private static boolean isTaken(HistoryService history, String processDefinitionKey, String businessKey) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processDefinitionKey)
			.processInstanceBusinessKey(businessKey)
			.count() > 0;
	}

}
