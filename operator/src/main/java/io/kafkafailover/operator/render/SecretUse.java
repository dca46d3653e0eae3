package io.kafkafailover.operator.render;

/**
 * One key of one Secret that the gateway pods need, and the file it becomes in the pod.
 *
 * @param cluster the cluster whose secrets directory receives the file; null for the admin credentials
 */
public record SecretUse(String secretName, String key, String cluster, String file) {

  public String describe() {
    return "key '" + key + "' of Secret '" + secretName + "'";
  }
}
