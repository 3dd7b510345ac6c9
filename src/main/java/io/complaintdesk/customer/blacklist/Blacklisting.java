package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.Text;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.CustomerDirectory;

/**
 * The rules of the blacklist (POLICY §8 客户黑名单): a supervisor proposes, a director approves;
 * an approved entry lasts the configured period (6 months); one open entry per customer. Runs in
 * the engine's transaction, so a refused step leaves nothing behind.
 */
@Service
class Blacklisting {

	private static final Logger log = LoggerFactory.getLogger(Blacklisting.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final BlacklistRegistry registry;

	private final BlacklistProperties properties;

	private final Clock clock;

	private final CustomerDirectory customers;

	Blacklisting(BlacklistRegistry registry, BlacklistProperties properties, Clock clock,
			CustomerDirectory customers) {
		this.registry = registry;
		this.properties = properties;
		this.clock = clock;
		this.customers = customers;
	}

	/** Records a proposal; refuses bad input and a customer who is already proposed or blacklisted. */
	Proposed propose(BlacklistProposal proposal, String proposedBy, String processInstanceId, Instant at) {
		List<Text> errors = proposal.errors();
		if (!errors.isEmpty()) {
			throw Refusal.of("refusal.blacklist.proposal", errors);
		}
		this.registry.findOpen(proposal.customerId()).ifPresent((open) -> {
			throw Refusal.of("refusal.blacklist.proposal", alreadyOpen(open));
		});
		long id = this.registry.propose(proposal.customerId(), proposal.reason(), proposedBy, at, processInstanceId);
		String businessKey = BlacklistProcess.BUSINESS_KEY_PREFIX + proposal.customerId() + "-"
				+ DAY.format(at.atZone(this.clock.getZone()));
		return new Proposed(id, businessKey, this.properties.duration());
	}

	/** A director's decision; the proposer may not decide on their own proposal. */
	void checkDecider(String director, String proposedBy) {
		if (director == null) {
			throw Refusal.of("refusal.blacklist.noDirector");
		}
		if (director.equals(proposedBy)) {
			throw Refusal.of("refusal.blacklist.ownProposal", director);
		}
	}

	/** The director approved: the customer is blacklisted from now for the configured period. */
	BlacklistEntry activate(long entryId, String director, Instant at) {
		Instant until = this.properties.until(at, this.clock.getZone());
		this.registry.activate(entryId, director, at, until);
		return this.registry.find(entryId).orElseThrow();
	}

	void reject(long entryId, String director, Instant at) {
		this.registry.reject(entryId, director, at);
	}

	void expire(long entryId, Instant at) {
		this.registry.expire(entryId, at);
	}

	/**
	 * The director let the customer return (POLICY §8: only as qualified): the master records tier
	 * QUALIFIED with the director as approver and the instance's business key. A customer already
	 * qualified keeps their tier and gets no new history row; an id that is not in the master has no
	 * tier to change, and is admitted later like any new customer.
	 */
	void readmitAsQualified(String customerId, String director, String businessKey, Instant blacklistedUntil) {
		if (this.customers.find(customerId).isEmpty()) {
			log.info("Customer {} may return after blacklist {} but is not in the customer master: no tier to change",
					customerId, businessKey);
			return;
		}
		// the tier history is read by people: in Chinese
		String reason = Messages.chinese(Text.of("blacklist.readmitted", businessKey, day(blacklistedUntil), director));
		this.customers.changeTier(customerId, ClientTier.QUALIFIED, reason, director, businessKey);
	}

	/**
	 * Before a director lets the customer return: refused while a newer proposal or blacklisting of
	 * the same customer is open, which the director must answer "no" to instead.
	 */
	void checkReturn(String customerId) {
		this.registry.findOpen(customerId).ifPresent((open) -> {
			throw Refusal.of("refusal.blacklist.return", alreadyOpen(open));
		});
	}

	private Text alreadyOpen(BlacklistEntry open) {
		if (open.status() == BlacklistStatus.ACTIVE) {
			return Text.of("refusal.blacklist.active", open.customerId(), day(open.blacklistedUntil()));
		}
		return Text.of("refusal.blacklist.proposed", open.customerId(), day(open.proposedAt()), open.proposedBy());
	}

	private String day(Instant at) {
		return at.atZone(this.clock.getZone()).toLocalDate().toString();
	}

	/** A recorded proposal: its row, the instance's business key, the period it will last. */
	record Proposed(long entryId, String businessKey, String duration) {
	}

}
