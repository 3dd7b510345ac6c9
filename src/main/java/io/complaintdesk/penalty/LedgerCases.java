package io.complaintdesk.penalty;

/**
 * Whether a case number names a case of the desk, so that a supervisor's entry is booked against a
 * real case. The ledger asks; the complaint package, which keeps the cases, answers.
 */
public interface LedgerCases {

	boolean exists(String caseNumber);

}
