package io.complaintdesk.customer.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.complaintdesk.base.Messages;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerType;

/**
 * The review's proposal and amendments without the process engine (POLICY §8): the tiers come from
 * the real {@code client-tier} table on a standalone DMN engine, so the thresholds stay in the table;
 * the quotas are the configured 15 % and 30 %.
 */
class TierReviewTests {

	private static final Instant LONG_AGO = Instant.parse("2015-03-01T00:00:00Z");

	private static final Instant RECENTLY = Instant.parse("2025-09-01T00:00:00Z");

	static TierDecision clientTierTable;

	final TierReview review = new TierReview(clientTierTable,
			new TierReviewProperties("0 0 2 1 1,7 ?", new BigDecimal("15"), new BigDecimal("30"), 10, 5));

	@BeforeAll
	static void parseClientTierTable() throws Exception {
		DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision decision;
		try (InputStream model = TierReviewTests.class.getClassLoader()
			.getResourceAsStream("models/decisions/client-tier.dmn")) {
			decision = dmn.parseDecision("client-tier", model);
		}
		clientTierTable = (volume, defaults) -> ClientTier.valueOf(dmn
			.evaluateDecision(decision,
					Variables.createVariables().putValue("annualVolume", volume).putValue("defaultCount", defaults))
			.getSingleEntry());
	}

	// --- quotas

	@Test
	void shouldRoundQuotasDownSoThatTheyAreNeverExceeded() {
		assertThat(this.review.vipQuota(10)).isEqualTo(1);
		assertThat(this.review.vipQuota(20)).isEqualTo(3);
		assertThat(this.review.vipQuota(13)).isEqualTo(1); // 1.95
		assertThat(this.review.vipQuota(7)).isEqualTo(1); // 1.05
		assertThat(this.review.vipQuota(6)).isZero(); // 0.9: a small department has no VIP
		assertThat(this.review.preferredQuota(10)).isEqualTo(3);
		assertThat(this.review.preferredQuota(4)).isEqualTo(1);
		assertThat(this.review.preferredQuota(3)).isZero();
	}

	@Test
	void shouldProposeAVipUpgradeWithItsReason() {
		List<Customer> east = department("EAST", 10);
		east.add(customer("C-0001", "EAST", ClientTier.QUALIFIED, "1250000", 0, LONG_AGO));

		assertThat(this.review.propose(east, Set.of())).singleElement().satisfies((change) -> {
			assertThat(change.customerId()).isEqualTo("C-0001");
			assertThat(change.department()).isEqualTo("EAST");
			assertThat(change.from()).isEqualTo(ClientTier.QUALIFIED);
			assertThat(change.to()).isEqualTo(ClientTier.VIP);
			assertThat(change.qualifiesFor()).isEqualTo(ClientTier.VIP);
			assertThat(change.reason()).isEqualTo("年业务量 1,250,000，本期无违约 → VIP 客户");
			assertThat(change.vipDowngradeForProblems()).isFalse();
		});
	}

	@Test
	void shouldListOnlyCustomersWhoseTierChanges() {
		List<Customer> east = department("EAST", 10);
		east.add(customer("C-0001", "EAST", ClientTier.VIP, "1500000", 0, LONG_AGO));
		east.add(customer("C-0002", "EAST", ClientTier.PREFERRED, "400000", 0, LONG_AGO));
		east.add(customer("C-0003", "EAST", ClientTier.PREFERRED, "250000", 0, LONG_AGO));

		assertThat(this.review.propose(east, Set.of())).singleElement().satisfies((change) -> {
			assertThat(change.customerId()).isEqualTo("C-0003");
			assertThat(change.to()).isEqualTo(ClientTier.QUALIFIED);
			assertThat(change.reason()).isEqualTo("年业务量 250,000，本期无违约 → 合格类客户");
		});
	}

	@Test
	void shouldKeepTheHighestVolumesWhenMoreQualifyThanTheVipQuota() {
		List<Customer> east = department("EAST", 15); // 20 clients: 3 VIP, 6 preferred
		east.add(customer("C-0001", "EAST", ClientTier.VIP, "1100000", 0, LONG_AGO));
		east.add(customer("C-0002", "EAST", ClientTier.QUALIFIED, "3000000", 0, RECENTLY));
		east.add(customer("C-0003", "EAST", ClientTier.VIP, "2000000", 0, LONG_AGO));
		east.add(customer("C-0004", "EAST", ClientTier.PREFERRED, "1500000", 0, LONG_AGO));
		east.add(customer("C-0005", "EAST", ClientTier.QUALIFIED, "1000000", 0, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThat(proposal).extracting(ProposedTierChange::customerId, ProposedTierChange::from,
				ProposedTierChange::to)
			.containsExactly(tuple("C-0001", ClientTier.VIP, ClientTier.PREFERRED),
					tuple("C-0002", ClientTier.QUALIFIED, ClientTier.VIP),
					tuple("C-0004", ClientTier.PREFERRED, ClientTier.VIP),
					tuple("C-0005", ClientTier.QUALIFIED, ClientTier.PREFERRED));
		assertThat(proposal.get(0).reason()).isEqualTo(
				"年业务量 1,100,000，本期无违约：符合VIP 客户条件；EAST 部门VIP 客户名额已满（20 个客户中最多 3 个） → 优选类客户");
		assertThat(proposal.get(0).qualifiesFor()).isEqualTo(ClientTier.VIP);
		// quota cut, no problems: not the 5-day downgrade of POLICY §8
		assertThat(proposal.get(0).vipDowngradeForProblems()).isFalse();
	}

	@Test
	void shouldBreakATieAtTheCutOffForTheLongerStandingCustomerThenTheSmallerId() {
		List<Customer> west = department("WEST", 7); // 10 clients: 1 VIP
		west.add(customer("C-0011", "WEST", ClientTier.QUALIFIED, "1200000", 0, RECENTLY));
		west.add(customer("C-0012", "WEST", ClientTier.QUALIFIED, "1200000", 0, LONG_AGO));
		west.add(customer("C-0013", "WEST", ClientTier.QUALIFIED, "1200000", 0, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(west, Set.of());

		assertThat(proposal).extracting(ProposedTierChange::customerId, ProposedTierChange::to)
			.containsExactly(tuple("C-0011", ClientTier.PREFERRED),
					tuple("C-0012", ClientTier.VIP),
					tuple("C-0013", ClientTier.PREFERRED));
		// the same master gives the same proposal, whatever order it was read in
		List<Customer> reversed = new ArrayList<>(west);
		Collections.reverse(reversed);
		assertThat(this.review.propose(reversed, Set.of())).isEqualTo(proposal);
	}

	@Test
	void shouldOrderQuotaPlacesByVolumeThenFewerDefaultsThenCustomerSinceThenId() {
		Customer bigger = customer("C-9", "X", ClientTier.QUALIFIED, "900000", 3, RECENTLY);
		Customer fewerDefaults = customer("C-8", "X", ClientTier.QUALIFIED, "800000", 0, RECENTLY);
		Customer moreDefaults = customer("C-1", "X", ClientTier.QUALIFIED, "800000", 1, LONG_AGO);
		Customer older = customer("C-7", "X", ClientTier.QUALIFIED, "700000", 0, LONG_AGO);
		Customer newer = customer("C-2", "X", ClientTier.QUALIFIED, "700000", 0, RECENTLY);
		Customer smallerId = customer("C-3", "X", ClientTier.QUALIFIED, "600000", 0, LONG_AGO);
		Customer largerId = customer("C-4", "X", ClientTier.QUALIFIED, "600000", 0, LONG_AGO);

		assertThat(Stream.of(largerId, newer, moreDefaults, smallerId, older, fewerDefaults, bigger)
			.sorted(TierReview.QUOTA_ORDER)
			.map(Customer::customerId)).containsExactly("C-9", "C-8", "C-1", "C-7", "C-2", "C-3", "C-4");
	}

	@Test
	void shouldLetAVipCutByQuotaTakeAPreferredPlaceBeforeSmallerVolumes() {
		List<Customer> north = department("NORTH", 5); // 10 clients: 1 VIP, 3 preferred
		north.add(customer("C-0021", "NORTH", ClientTier.VIP, "5000000", 0, LONG_AGO));
		north.add(customer("C-0022", "NORTH", ClientTier.VIP, "1100000", 0, LONG_AGO));
		north.add(customer("C-0023", "NORTH", ClientTier.PREFERRED, "900000", 0, LONG_AGO));
		north.add(customer("C-0024", "NORTH", ClientTier.PREFERRED, "800000", 0, LONG_AGO));
		north.add(customer("C-0025", "NORTH", ClientTier.PREFERRED, "700000", 0, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(north, Set.of());

		assertThat(proposal).extracting(ProposedTierChange::customerId, ProposedTierChange::to)
			.containsExactly(tuple("C-0022", ClientTier.PREFERRED),
					tuple("C-0025", ClientTier.QUALIFIED));
		assertThat(proposal.get(1).reason()).isEqualTo("年业务量 700,000，本期无违约：符合优选类客户条件；"
				+ "NORTH 部门优选类客户名额已满（10 个客户中最多 3 个） → 合格类客户");
	}

	@Test
	void shouldDropAVipCutByQuotaToQualifiedWhenThePreferredQuotaIsFullToo() {
		List<Customer> small = department("SMALL", 3); // 6 clients: no VIP, 1 preferred
		small.add(customer("C-0031", "SMALL", ClientTier.VIP, "2000000", 0, LONG_AGO));
		small.add(customer("C-0032", "SMALL", ClientTier.VIP, "1500000", 0, LONG_AGO));
		small.add(customer("C-0033", "SMALL", ClientTier.QUALIFIED, "400000", 0, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(small, Set.of());

		assertThat(proposal).extracting(ProposedTierChange::customerId, ProposedTierChange::to)
			.containsExactly(tuple("C-0031", ClientTier.PREFERRED),
					tuple("C-0032", ClientTier.QUALIFIED));
		assertThat(proposal.get(1).reason()).isEqualTo("年业务量 1,500,000，本期无违约：符合VIP 客户条件；"
				+ "SMALL 部门VIP 客户名额已满（6 个客户中最多 0 个）；SMALL 部门优选类客户名额已满（6 个客户中最多 1 个） → 合格类客户");
	}

	@Test
	void shouldDowngradeAVipWithDefaultsAndFlagItForTheFiveDayDeadline() {
		List<Customer> east = department("EAST", 10);
		east.add(customer("C-0041", "EAST", ClientTier.VIP, "1200000", 2, LONG_AGO));
		east.add(customer("C-0042", "EAST", ClientTier.PREFERRED, "500000", 1, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThat(proposal).hasSize(2);
		assertThat(proposal.get(0)).satisfies((vip) -> {
			assertThat(vip.to()).isEqualTo(ClientTier.QUALIFIED);
			assertThat(vip.reason()).isEqualTo("本期违约 2 次 → 降为合格类客户（年业务量 1,200,000）");
			assertThat(vip.vipDowngradeForProblems()).isTrue();
		});
		assertThat(proposal.get(1)).satisfies((preferred) -> {
			assertThat(preferred.to()).isEqualTo(ClientTier.QUALIFIED);
			assertThat(preferred.reason()).isEqualTo("本期违约 1 次 → 降为合格类客户（年业务量 500,000）");
			assertThat(preferred.vipDowngradeForProblems()).isFalse();
		});
	}

	@Test
	void shouldNotPromoteABlacklistedCustomerButStillDowngradeThem() {
		List<Customer> east = department("EAST", 20);
		east.add(customer("C-0051", "EAST", ClientTier.QUALIFIED, "2000000", 0, LONG_AGO));
		east.add(customer("C-0052", "EAST", ClientTier.PREFERRED, "2000000", 0, LONG_AGO));
		east.add(customer("C-0053", "EAST", ClientTier.VIP, "2000000", 3, LONG_AGO));
		east.add(customer("C-0054", "EAST", ClientTier.QUALIFIED, "2000000", 0, LONG_AGO));

		List<ProposedTierChange> proposal = this.review.propose(east, Set.of("C-0051", "C-0052", "C-0053"));

		assertThat(proposal).extracting(ProposedTierChange::customerId, ProposedTierChange::to)
			.containsExactly(tuple("C-0053", ClientTier.QUALIFIED),
					tuple("C-0054", ClientTier.VIP));
	}

	@Test
	void shouldApplyQuotasPerDepartment() {
		List<Customer> customers = new ArrayList<>();
		customers.addAll(department("EAST", 9));
		customers.addAll(department("WEST", 9));
		customers.add(customer("C-0061", "EAST", ClientTier.QUALIFIED, "1300000", 0, LONG_AGO));
		customers.add(customer("C-0062", "WEST", ClientTier.QUALIFIED, "1200000", 0, LONG_AGO));

		assertThat(this.review.propose(customers, Set.of())).extracting(ProposedTierChange::department,
				ProposedTierChange::to)
			.containsExactly(tuple("EAST", ClientTier.VIP),
					tuple("WEST", ClientTier.VIP));
	}

	@Test
	void shouldNameTheReviewByTheHalfYearItIsHeldInOnTheDesksClock() {
		ZoneId desk = ZoneId.of("Asia/Shanghai");
		assertThat(ClientTierReview.businessKey(Instant.parse("2026-06-30T15:59:59Z"), desk))
			.isEqualTo("TIER-REVIEW-2026-H1");
		// 02:00 on 1 July in Shanghai is still 30 June in UTC
		assertThat(ClientTierReview.businessKey(Instant.parse("2026-06-30T18:00:00Z"), desk))
			.isEqualTo("TIER-REVIEW-2026-H2");
		assertThat(ClientTierReview.businessKey(Instant.parse("2026-12-31T18:00:00Z"), desk))
			.isEqualTo("TIER-REVIEW-2027-H1");
	}

	// --- amendments

	@Test
	void shouldApproveTheProposalAsItIsWithoutAmendments() {
		List<Customer> east = eastWithQuotaCut();
		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThat(this.review.amend(proposal, null, east)).isEqualTo(proposal);
		assertThat(this.review.amend(proposal, " \n\n", east)).isEqualTo(proposal);
	}

	@Test
	void shouldApplyAnAmendedTierAndLeaveAKeptCustomerAsTheyAre() {
		List<Customer> east = eastWithQuotaCut();
		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		List<ProposedTierChange> approved = this.review.amend(proposal, "C-0002=preferred\r\n  C-0005 = KEEP  \n",
				east);

		assertThat(approved).extracting(ProposedTierChange::customerId, ProposedTierChange::to)
			.containsExactly(tuple("C-0001", ClientTier.PREFERRED),
					tuple("C-0002", ClientTier.PREFERRED),
					tuple("C-0004", ClientTier.VIP));
		assertThat(approved.get(1).reason())
			.isEqualTo("年业务量 3,000,000，本期无违约 → VIP 客户（审批时改为优选类客户，原提议为VIP 客户）");
	}

	@Test
	void shouldLeaveAVipWithProblemsAsVipOnlyWhenKept() {
		List<Customer> east = department("EAST", 10);
		east.add(customer("C-0041", "EAST", ClientTier.VIP, "1200000", 2, LONG_AGO));
		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThat(proposal).singleElement().satisfies((vip) -> assertThat(vip.vipDowngradeForProblems()).isTrue());
		assertThat(this.review.amend(proposal, "C-0041=KEEP", east)).isEmpty();
		// preferred needs a period without defaults too
		assertThatThrownBy(() -> this.review.amend(proposal, "C-0041=PREFERRED", east))
			.hasMessageContaining("C-0041 cannot become PREFERRED: qualifies for QUALIFIED at most "
					+ "(volume 1,200,000, 2 defaults this period)");
	}

	@Test
	void shouldRefuseEveryLineThatCannotBeAppliedAtOnce() {
		List<Customer> east = eastWithQuotaCut();
		east.add(customer("C-0006", "EAST", ClientTier.QUALIFIED, "100000", 0, LONG_AGO));
		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThatThrownBy(() -> this.review.amend(proposal, String.join("\n", "C-0099=KEEP", "C-0006=QUALIFIED",
				"C-0002=GOLD", "C-0002 PREFERRED", "C-0005=VIP", "C-0004=KEEP", "C-0004=QUALIFIED"), east))
			.isInstanceOf(InvalidAmendmentsException.class)
			.satisfies((ex) -> assertThat(((InvalidAmendmentsException) ex).errors()).extracting(Object::toString)
				.containsExactly("line 1: there is no customer C-0099",
						"line 2: C-0006 is not in the proposal: only proposed changes can be amended",
						"line 3: GOLD is not a tier: write VIP, PREFERRED, QUALIFIED or KEEP",
						"line 4: 'C-0002 PREFERRED' should read CUSTOMER-ID=TIER (VIP, PREFERRED, QUALIFIED) or CUSTOMER-ID=KEEP",
						"line 5: C-0005 cannot become VIP: qualifies for QUALIFIED at most (volume 1,000,000, 1 default this period)",
						"line 7: C-0004 is amended twice"))
			// what the supervisor reads in Tasklist
			.satisfies((ex) -> assertThat(Messages.chinese(((InvalidAmendmentsException) ex).text())).isEqualTo(
					"修改意见无法执行：第 1 行：没有客户 C-0099；第 2 行：C-0006 不在评审提议中：只能修改提议中的调整；"
							+ "第 3 行：GOLD 不是客户级别：请写 VIP、PREFERRED、QUALIFIED 或 KEEP；"
							+ "第 4 行：“C-0002 PREFERRED”格式不对，应写为 客户编号=级别（VIP、PREFERRED、QUALIFIED）或 客户编号=KEEP；"
							+ "第 5 行：C-0005 不能定为VIP 客户：最高只符合合格类客户条件（年业务量 1,000,000，本期违约 1 次）；"
							+ "第 7 行：C-0004 被修改了两次"));
	}

	@Test
	void shouldRefuseAKeepThatWouldBreakTheVipQuota() {
		List<Customer> east = eastWithQuotaCut();
		List<ProposedTierChange> proposal = this.review.propose(east, Set.of());

		assertThatThrownBy(() -> this.review.amend(proposal, "C-0001=KEEP", east))
			.isInstanceOf(InvalidAmendmentsException.class)
			.hasMessageContaining("VIP quota of EAST exceeded: 4 VIP but at most 3 of 20 clients");
		// making room first is fine
		assertThat(this.review.amend(proposal, "C-0001=KEEP\nC-0004=KEEP", east))
			.extracting(ProposedTierChange::customerId)
			.containsExactly("C-0002", "C-0005");
	}

	/**
	 * 20 clients in EAST (3 VIP, 6 preferred): C-0001 VIP cut by quota to PREFERRED, C-0002 and C-0004
	 * up to VIP, C-0005 with a default from PREFERRED to QUALIFIED.
	 */
	private static List<Customer> eastWithQuotaCut() {
		List<Customer> east = department("EAST", 15);
		east.add(customer("C-0001", "EAST", ClientTier.VIP, "1100000", 0, LONG_AGO));
		east.add(customer("C-0002", "EAST", ClientTier.QUALIFIED, "3000000", 0, RECENTLY));
		east.add(customer("C-0003", "EAST", ClientTier.VIP, "2000000", 0, LONG_AGO));
		east.add(customer("C-0004", "EAST", ClientTier.PREFERRED, "1500000", 0, LONG_AGO));
		east.add(customer("C-0005", "EAST", ClientTier.PREFERRED, "1000000", 1, LONG_AGO));
		return east;
	}

	/** A department of qualified customers with small volumes, who stay qualified. */
	private static List<Customer> department(String department, int clients) {
		List<Customer> customers = new ArrayList<>();
		for (int i = 1; i <= clients; i++) {
			customers.add(customer(department + "-Q" + i, department, ClientTier.QUALIFIED, "50000", 0, LONG_AGO));
		}
		return customers;
	}

	private static Customer customer(String id, String department, ClientTier tier, String volume, int defaults,
			Instant since) {
		return new Customer(id, "Customer " + id, CustomerType.DISTRIBUTOR, department, null, null, null,
				new BigDecimal(volume), defaults, tier, false, since, since);
	}

}
