package io.complaintdesk.customer.review;

import io.complaintdesk.customer.ClientTier;

/** Tiers in order: VIP above preferred above qualified (POLICY §8). */
final class Tiers {

	private Tiers() {
	}

	static int rank(ClientTier tier) {
		return switch (tier) {
			case VIP -> 2;
			case PREFERRED -> 1;
			case QUALIFIED -> 0;
		};
	}

	/** One tier down; qualified stays qualified. */
	static ClientTier oneBelow(ClientTier tier) {
		return switch (tier) {
			case VIP -> ClientTier.PREFERRED;
			case PREFERRED, QUALIFIED -> ClientTier.QUALIFIED;
		};
	}

}
