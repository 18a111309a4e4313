package io.sightline.api;

/** Admin only. {@code orgId} defaults to the admin's organisation, {@code role} to member. */
public record CreateUserRequest(String name, String orgId, Role role) {}
