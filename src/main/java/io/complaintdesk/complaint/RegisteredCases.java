package io.complaintdesk.complaint;

import org.springframework.stereotype.Component;

import io.complaintdesk.penalty.LedgerCases;

/** Answers the penalty ledger's question from the complaint registry. */
@Component
class RegisteredCases implements LedgerCases {

	private final ComplaintRegistry registry;

	RegisteredCases(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean exists(String caseNumber) {
		return this.registry.find(caseNumber).isPresent();
	}

}
