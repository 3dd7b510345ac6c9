package io.complaintdesk.customer.blacklist;

/** The life of a blacklist entry (table {@code customer_blacklist}, column {@code status}). */
public enum BlacklistStatus {

	/** proposed by a supervisor, waiting for a director */
	PROPOSED,
	/** approved: no business with the customer until {@code blacklisted_until} */
	ACTIVE,
	/** refused by a director */
	REJECTED,
	/** the blacklisting period is over; the customer returns only with a director's approval */
	EXPIRED

}
