package dev.b24tasks.rest;

/** What the gateway answers: status, content type and the body bytes; plus the method name for metrics. */
public record RestResponse(int status, String contentType, byte[] body, String method, String errorCode) {}
