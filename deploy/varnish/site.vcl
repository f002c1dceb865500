# Where Varnish runs in the compose set-up (compose.yaml): included by kcp.vcl.
backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/health/";
        .interval = 10s;
        .timeout = 5s;
        .window = 5;
        .threshold = 3;
    }
}

# The compose network's fixed subnet (compose.yaml, networks.kcp): the web, worker and
# scheduler containers purge and ban from there; nobody outside may.
acl purgers {
    "127.0.0.1";
    "172.28.0.0"/16;
}
