package io.complaintdesk;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;

/** The contract's users and groups, created in a test engine (the demo profile is off in tests). */
public final class TestUsers {

	public static final Map<String, String> USERS = Map.of("agent1", "agents", "agent2", "agents", "super1",
			"supervisors", "director1", "directors", "gm1", "gm", "clerk1", "clerks", "legal1", "brand-legal");

	private TestUsers() {
	}

	/**
	 * Acts as the user with their group and tenants, so the engine's authorization and tenant checks
	 * apply as in Tasklist (which asks the identity service for the user's tenants at login).
	 */
	public static void authenticate(IdentityService identity, String user) {
		identity.clearAuthentication(); // the tenant query itself runs as nobody
		java.util.List<String> tenants = identity.createTenantQuery()
			.userMember(user)
			.includingGroupsOfUser(true)
			.unlimitedList()
			.stream()
			.map((tenant) -> tenant.getId())
			.toList();
		identity.setAuthentication(user, java.util.List.of(USERS.get(user)), tenants);
	}

	public static void create(IdentityService identity) {
		USERS.forEach((user, group) -> {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
			if (identity.createUserQuery().userId(user).count() == 0) {
				var u = identity.newUser(user);
				u.setPassword(user);
				identity.saveUser(u);
				identity.createMembership(user, group);
			}
		});
	}

}
