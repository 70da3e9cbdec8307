package io.kopij.event.webhook;

import io.kopij.shared.error.KopijException;

public class WebhookNotFoundException extends KopijException {

    public WebhookNotFoundException(String what) {
        super(404, "webhook.not-found", "Not found", "No webhook " + what);
    }
}
