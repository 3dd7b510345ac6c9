package io.complaintdesk.customer.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.Customer;

/**
 * The half-yearly tier review (POLICY §8 半年评审) without the engine: which customers change tier,
 * and the supervisor's amendments to that proposal.
 * <ol>
 * <li>Each customer gets the tier of the {@code client-tier} table (volume and defaults; the
 * thresholds are in the table). A blacklisted customer is never promoted above the tier they have.</li>
 * <li>Per department, at most {@code floor(15 % × clients)} VIP and {@code floor(30 % × clients)}
 * preferred (the percentages are configuration). Rounding down means the quota is never exceeded:
 * a department with 10 clients may have 1 VIP and 3 preferred, one with fewer than 7 clients no
 * VIP. "Clients" are all customers of the department in the master.</li>
 * <li>When more qualify than the quota allows, the highest annual volumes keep the tier; ties at
 * the cut-off go to fewer defaults, then the longer-standing customer (earlier {@code created_at}),
 * then the smaller customer id, so the same master always gives the same proposal. The others drop
 * one tier: a VIP cut by the VIP quota competes for a preferred place (and wins it before any
 * customer with less volume), and becomes qualified when the preferred quota is full too.</li>
 * </ol>
 * The proposal lists only changes, by department and customer id.
 */
@Service
class TierReview {

	/** The order in which a department's quota places are filled. */
	static final Comparator<Customer> QUOTA_ORDER = Comparator
		.comparing((Customer c) -> volume(c), Comparator.reverseOrder())
		.thenComparingInt(Customer::defaultCount)
		.thenComparing(Customer::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
		.thenComparing(Customer::customerId);

	static final String KEEP = "KEEP";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int MAX_AMENDMENTS_LENGTH = 20_000;

	private static final Pattern AMENDMENT = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+)\\s*");

	private final TierDecision decision;

	private final BigDecimal vipQuotaPercent;

	private final BigDecimal preferredQuotaPercent;

	TierReview(TierDecision decision, TierReviewProperties properties) {
		this.decision = decision;
		this.vipQuotaPercent = properties.vipQuotaPercent();
		this.preferredQuotaPercent = properties.preferredQuotaPercent();
	}

	/** How many VIP clients a department of this many clients may have (rounded down). */
	int vipQuota(int clients) {
		return quota(clients, this.vipQuotaPercent);
	}

	/** How many preferred clients a department of this many clients may have (rounded down). */
	int preferredQuota(int clients) {
		return quota(clients, this.preferredQuotaPercent);
	}

	private static int quota(int clients, BigDecimal percent) {
		return BigDecimal.valueOf(clients).multiply(percent).divide(HUNDRED, 0, RoundingMode.FLOOR).intValueExact();
	}

	/**
	 * The changes the review proposes.
	 * @param customers the whole customer master
	 * @param blacklisted ids of the customers blacklisted now: not promoted
	 */
	List<ProposedTierChange> propose(Collection<Customer> customers, Set<String> blacklisted) {
		Map<String, List<Customer>> departments = customers.stream()
			.collect(Collectors.groupingBy(Customer::department, TreeMap::new, Collectors.toList()));
		List<ProposedTierChange> changes = new ArrayList<>();
		departments.forEach((department, clients) -> changes.addAll(proposeFor(department, clients, blacklisted)));
		return List.copyOf(changes);
	}

	private List<ProposedTierChange> proposeFor(String department, List<Customer> clients, Set<String> blacklisted) {
		Map<String, Assessment> assessments = new LinkedHashMap<>();
		for (Customer customer : clients.stream().sorted(Comparator.comparing(Customer::customerId)).toList()) {
			ClientTier decided = this.decision.decide(volume(customer), customer.defaultCount());
			boolean capped = blacklisted.contains(customer.customerId())
					&& Tiers.rank(decided) > Tiers.rank(customer.tier());
			assessments.put(customer.customerId(),
					new Assessment(customer, decided, capped ? customer.tier() : decided, capped));
		}
		int size = clients.size();
		fill(ClientTier.VIP, vipQuota(size), department, size, assessments.values());
		fill(ClientTier.PREFERRED, preferredQuota(size), department, size, assessments.values());
		List<ProposedTierChange> changes = new ArrayList<>();
		for (Assessment assessment : assessments.values()) {
			if (assessment.tier != assessment.customer.tier()) {
				changes.add(change(assessment));
			}
		}
		return changes;
	}

	/** Gives the quota's places to the first candidates in {@link #QUOTA_ORDER}; the rest drop one tier. */
	private static void fill(ClientTier tier, int quota, String department, int clients,
			Collection<Assessment> assessments) {
		List<Assessment> candidates = assessments.stream()
			.filter((a) -> a.tier == tier)
			.sorted(Comparator.comparing((Assessment a) -> a.customer, QUOTA_ORDER))
			.toList();
		for (Assessment cut : candidates.subList(Math.min(quota, candidates.size()), candidates.size())) {
			cut.tier = Tiers.oneBelow(tier);
			cut.notes.add(Text.of("tierReview.note.quotaFull", tier, department, quota, clients));
		}
	}

	/** The change with its reason, in Chinese: the supervisors read it in the form and the tier history. */
	private static ProposedTierChange change(Assessment a) {
		Customer c = a.customer;
		Text reason;
		if (a.notes.isEmpty() && !a.capped) {
			reason = (c.defaultCount() > 0 && Tiers.rank(a.tier) < Tiers.rank(c.tier()))
					? Text.of("tierReview.reason.downgrade", defaults(c.defaultCount()), a.tier, amount(volume(c)))
					: Text.of("tierReview.reason.to", basis(c), a.tier);
		}
		else {
			List<Text> parts = new ArrayList<>();
			parts.add(Text.of("tierReview.reason.qualifies", basis(c), a.decided));
			if (a.capped) {
				parts.add(Text.of("tierReview.reason.blacklisted", c.tier()));
			}
			parts.addAll(a.notes);
			reason = Text.of("tierReview.reason.to", parts, a.tier);
		}
		return new ProposedTierChange(c.customerId(), c.name(), c.department(), c.tier(), a.tier, a.qualifiesFor,
				volume(c), c.defaultCount(), Messages.chinese(reason),
				vipDowngradeForProblems(c.tier(), a.tier, c.defaultCount()));
	}

	/**
	 * Applies the supervisor's amendments to the proposal: one line per customer,
	 * {@code C-0007=QUALIFIED} to approve another tier than proposed, {@code C-0007=KEEP} to leave the
	 * customer as they are. Only customers of the proposal can be amended; nobody goes above the tier
	 * they qualify for, and an amendment that raises a tier above the proposal must keep the
	 * department within its quotas.
	 * @param amendments the lines, may be {@code null} or blank: the proposal as it is
	 * @param customers the customer master now, for the quota check
	 * @return the changes to apply
	 * @throws InvalidAmendmentsException listing every line that cannot be applied
	 */
	List<ProposedTierChange> amend(List<ProposedTierChange> proposal, String amendments,
			Collection<Customer> customers) {
		List<Text> errors = new ArrayList<>();
		Map<String, ProposedTierChange> proposed = proposal.stream()
			.collect(Collectors.toMap(ProposedTierChange::customerId, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		Map<String, Customer> master = customers.stream()
			.collect(Collectors.toMap(Customer::customerId, Function.identity(), (a, b) -> a));
		Map<String, ClientTier> amended = parse(amendments, proposed, master, errors);

		List<ProposedTierChange> approved = new ArrayList<>();
		Set<String> raisedDepartments = new TreeSet<>();
		for (ProposedTierChange change : proposed.values()) {
			ClientTier target = amended.getOrDefault(change.customerId(), change.to());
			if (Tiers.rank(target) > Tiers.rank(change.to())) {
				raisedDepartments.add(change.department());
			}
			if (target == change.from()) {
				continue;
			}
			String reason = (target == change.to()) ? change.reason()
					: change.reason() + Messages.chinese(Text.of("tierReview.reason.amended", target, change.to()));
			approved.add(new ProposedTierChange(change.customerId(), change.name(), change.department(), change.from(),
					target, change.qualifiesFor(), change.annualVolume(), change.defaultCount(), reason,
					vipDowngradeForProblems(change.from(), target, change.defaultCount())));
		}
		checkQuotas(raisedDepartments, approved, master.values(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidAmendmentsException(errors);
		}
		return List.copyOf(approved);
	}

	private static Map<String, ClientTier> parse(String amendments, Map<String, ProposedTierChange> proposed,
			Map<String, Customer> master, List<Text> errors) {
		Map<String, ClientTier> amended = new HashMap<>();
		if (amendments == null || amendments.isBlank()) {
			return amended;
		}
		if (amendments.length() > MAX_AMENDMENTS_LENGTH) {
			errors.add(Text.of("tierReview.amend.tooLong", MAX_AMENDMENTS_LENGTH));
			return amended;
		}
		String[] lines = amendments.split("\\R");
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			int at = i + 1;
			Matcher matcher = AMENDMENT.matcher(line);
			if (!matcher.matches()) {
				errors.add(Text.of("tierReview.amend.line", at, Text.of("tierReview.amend.format", cut(line.strip()))));
				continue;
			}
			String id = matcher.group(1);
			String value = matcher.group(2).toUpperCase(Locale.ROOT);
			ClientTier tier = tier(value);
			if (tier == null && !KEEP.equals(value)) {
				errors.add(Text.of("tierReview.amend.line", at,
						Text.of("tierReview.amend.notATier", cut(matcher.group(2)))));
				continue;
			}
			if (!seen.add(id)) {
				errors.add(Text.of("tierReview.amend.line", at, Text.of("tierReview.amend.twice", cut(id))));
				continue;
			}
			ProposedTierChange change = proposed.get(id);
			if (change == null) {
				errors.add(Text.of("tierReview.amend.line", at,
						master.containsKey(id) ? Text.of("tierReview.amend.notProposed", id)
								: Text.of("tierReview.amend.noCustomer", cut(id))));
				continue;
			}
			ClientTier target = (tier != null) ? tier : change.from();
			if (target != change.from() && Tiers.rank(target) > Tiers.rank(change.qualifiesFor())) {
				errors.add(Text.of("tierReview.amend.line", at,
						Text.of("tierReview.amend.aboveQualification", id, target, change.qualifiesFor(),
								amount(change.annualVolume()), defaults(change.defaultCount()))));
				continue;
			}
			amended.put(id, target);
		}
		return amended;
	}

	/** The departments where an amendment raised a tier above the proposal stay within their quotas. */
	private void checkQuotas(Set<String> departments, List<ProposedTierChange> approved, Collection<Customer> master,
			List<Text> errors) {
		Map<String, ClientTier> approvedTiers = approved.stream()
			.collect(Collectors.toMap(ProposedTierChange::customerId, ProposedTierChange::to));
		for (String department : departments) {
			List<Customer> clients = master.stream().filter((c) -> department.equals(c.department())).toList();
			Map<ClientTier, Long> counts = clients.stream()
				.collect(Collectors.groupingBy((c) -> approvedTiers.getOrDefault(c.customerId(), c.tier()),
						Collectors.counting()));
			check(ClientTier.VIP, vipQuota(clients.size()), department, clients.size(), counts, errors);
			check(ClientTier.PREFERRED, preferredQuota(clients.size()), department, clients.size(), counts, errors);
		}
	}

	private static void check(ClientTier tier, int quota, String department, int clients, Map<ClientTier, Long> counts,
			List<Text> errors) {
		long count = counts.getOrDefault(tier, 0L);
		if (count > quota) {
			errors.add(Text.of("tierReview.amend.quotaExceeded", tier, department, count, quota, clients));
		}
	}

	/** A current VIP who leaves VIP with defaults in the period: POLICY §8, within 5 days. */
	private static boolean vipDowngradeForProblems(ClientTier from, ClientTier to, int defaultCount) {
		return from == ClientTier.VIP && to != ClientTier.VIP && defaultCount > 0;
	}

	private static ClientTier tier(String value) {
		for (ClientTier tier : ClientTier.values()) {
			if (tier.name().equals(value)) {
				return tier;
			}
		}
		return null;
	}

	private static BigDecimal volume(Customer customer) {
		return (customer.annualVolume() != null) ? customer.annualVolume() : BigDecimal.ZERO;
	}

	private static Text basis(Customer c) {
		return Text.of("tierReview.basis", amount(volume(c)), defaults(c.defaultCount()));
	}

	private static Text defaults(int count) {
		return switch (count) {
			case 0 -> Text.of("tierReview.defaults.none");
			case 1 -> Text.of("tierReview.defaults.one");
			default -> Text.of("tierReview.defaults.many", count);
		};
	}

	/** What the supervisor typed, shortened: an error repeats at most 40 characters of it. */
	private static String cut(String typed) {
		return (typed.length() <= 40) ? typed : typed.substring(0, 39) + "…";
	}

	/** {@code 1,250,000} or {@code 1,250,000.5}: grouped, decimals only where there are any. */
	static String amount(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount);
	}

	/** A customer on the way through the review: the table's tier, and where the quotas put them. */
	private static final class Assessment {

		final Customer customer;

		final ClientTier decided;

		final ClientTier qualifiesFor;

		final boolean capped;

		ClientTier tier;

		final List<Text> notes = new ArrayList<>();

		Assessment(Customer customer, ClientTier decided, ClientTier qualifiesFor, boolean capped) {
			this.customer = customer;
			this.decided = decided;
			this.qualifiesFor = qualifiesFor;
			this.capped = capped;
			this.tier = qualifiesFor;
		}

	}

}
