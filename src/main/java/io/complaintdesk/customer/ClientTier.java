package io.complaintdesk.customer;

/**
 * A client's tier (客户分级, POLICY §8), decided by the {@code client-tier} table and the half-yearly
 * review; stored in {@code customer.tier}.
 */
public enum ClientTier {

	VIP,

	/** 优选类. */
	PREFERRED,

	/** 合格类: every admitted client until a review says otherwise. */
	QUALIFIED;

	/** VIP and preferred clients get the "four priorities" of POLICY §5 (四优先). */
	public boolean isPriority() {
		return this != QUALIFIED;
	}

}
