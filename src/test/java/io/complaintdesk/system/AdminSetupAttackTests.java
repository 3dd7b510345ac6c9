package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;

/**
 * CVE-2026-77226, performed: on a desk whose {@code camunda-admin} group has no direct member —
 * the state in which Camunda's own check opens Admin's first-run setup — an anonymous visitor
 * takes a CSRF token like a browser and posts the setup form to create an administrator. The
 * desk refuses it ({@link AdminSetupGuard}) and creates nobody; {@link AdminMembership} puts the
 * configured administrator back into the group at start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminSetupAttackTests {

	private static final String INTRUDER = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"Eve\","
			+ "\"lastName\":\"Intruder\",\"email\":\"eve@example.com\"},\"credentials\":{\"password\":\"intruder-pass-1\"}}";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		if (this.identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
			this.identity.saveGroup(this.identity.newGroup(Groups.ADMINS));
		}
		this.identity.createUserQuery()
			.memberOfGroup(Groups.ADMINS)
			.list()
			.forEach((admin) -> this.identity.deleteMembership(admin.getId(), Groups.ADMINS));
	}

	@Test
	void setupIsRefusedWhenCamundaAdminHasNoDirectMember() {
		// the precondition of the flaw: Camunda's own setup check would let this request through
		assertThat(this.identity.isReadOnly()).isFalse();
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isZero();
		WebappClient visitor = new WebappClient(this.port);
		visitor.get("/camunda/app/admin/default/setup/");

		HttpResponse<String> attack = visitor.postJson("/camunda/api/admin/setup/default/user/create", INTRUDER);

		assertThat(attack.statusCode()).as(attack.body()).isEqualTo(403);
		assertThat(attack.body()).contains("投诉受理台已完成初始设置").doesNotContain("at org.");
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/camunda/api/admin/setup/default/user/create/",
			"/camunda/api/admin//setup/default/user/create", "/camunda/api/admin/setup/./default/user/create",
			"/camunda/api/admin/SETUP/default/user/create", "/camunda/api/admin/setup/default/user/create;x=1" })
	void pathVariantsOfTheSetupEndpointCreateNobody(String path) {
		WebappClient visitor = new WebappClient(this.port);
		visitor.get("/camunda/app/admin/default/setup/");

		HttpResponse<String> attack = visitor.postJson(path, INTRUDER);

		assertThat(attack.statusCode()).as(attack.body()).isBetween(400, 499);
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void theConfiguredAdministratorIsMadeADirectMemberAgainAtStart() {
		DeskAdmin.setUp(this.identity);
		this.identity.deleteMembership(DeskAdmin.ID, Groups.ADMINS);

		DeskAdmin.membership(this.identity).ensureDirectMember();

		assertThat(this.identity.createUserQuery().userId(DeskAdmin.ID).memberOfGroup(Groups.ADMINS).count())
			.isEqualTo(1);
		this.identity.deleteUser(DeskAdmin.ID);
	}

}
