package io.complaintdesk.cluster;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;

import io.complaintdesk.base.Groups;

/**
 * Staff created through the engine REST API as the administrator, as an administrator does on a
 * new production database (the {@code postgres} profile has no demo users): the policy's groups
 * that are missing, then users with strong random passwords.
 */
final class Staff {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DeskClient admin;

	Staff(DeskClient admin) {
		this.admin = admin;
	}

	static String password() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	/** Creates the groups of POLICY §1 that do not exist yet. */
	void createMissingGroups() throws IOException {
		for (String group : Groups.STAFF) {
			if (this.admin.get("/engine-rest/group/count?id=" + group).expect(200).body().get("count").asInt() == 0) {
				this.admin.post("/engine-rest/group/create", Map.of("id", group, "name", group, "type", "WORKFLOW"))
					.expect(204);
			}
		}
	}

	/** Creates a user in a group; returns the password. */
	String createUser(String user, String group) throws IOException {
		String password = password();
		this.admin.post("/engine-rest/user/create",
				Map.of("profile", Map.of("id", user, "firstName", "Cluster", "lastName", user, "email",
						user + "@example.com"), "credentials", Map.of("password", password)))
			.expect(204);
		this.admin.put("/engine-rest/group/" + group + "/members/" + user, Map.of()).expect(204);
		return password;
	}

}
