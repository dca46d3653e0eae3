package io.kafkafailover.operator.switching;

import java.util.Objects;

/** Basic-auth credentials of the gateways' admin API. */
public record AdminCredentials(String username, String password) {

  public AdminCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "AdminCredentials[username=" + username + ", password=[hidden]]";
  }
}
