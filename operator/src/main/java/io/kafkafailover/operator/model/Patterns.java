package io.kafkafailover.operator.model;

/** Kubernetes naming rules, shared by the schema annotations. */
final class Patterns {
  /** RFC 1123 subdomain, the rule for Secret names. */
  static final String RESOURCE_NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** The rule for keys of a Secret's data. */
  static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";

  private Patterns() {}
}
