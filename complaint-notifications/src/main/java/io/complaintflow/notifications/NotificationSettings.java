package io.complaintflow.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the links in messages point ({@code complaintflow.notifications.*}).
 *
 * @param publicBaseUrl how customers reach the API; tracking links are {@code <this>/api/complaints/{ticket}?token=…}
 * @param staffBaseUrl how staff reach the webapps; Tasklist links are {@code <this><tasklistPath>}
 * @param tasklistPath path of Tasklist under {@code staffBaseUrl}, for the process engine staff work in
 */
@ConfigurationProperties("complaintflow.notifications")
public record NotificationSettings(
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("http://localhost:8080") String staffBaseUrl,
    @DefaultValue("/camunda/app/tasklist/default/") String tasklistPath) {

  public NotificationSettings {
    publicBaseUrl = stripTrailingSlash(publicBaseUrl);
    staffBaseUrl = stripTrailingSlash(staffBaseUrl);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
