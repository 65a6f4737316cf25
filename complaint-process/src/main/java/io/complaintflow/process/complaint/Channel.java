package io.complaintflow.process.complaint;

/** How the complaint reached us. */
public enum Channel {
  PHONE, WEB, APP, EMAIL, WECHAT, STORE, LETTER, SOCIAL_MEDIA
}
