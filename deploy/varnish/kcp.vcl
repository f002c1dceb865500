# The KCP site's rules for Varnish (Debian's varnish 7, VCL 4.1): what anonymous readers may
# share, and how the site tells Varnish to forget (home/front_cache.py).
#
# site.vcl, found on the VCL path, says where this Varnish runs: the backend (gunicorn) and the
# addresses allowed to purge and ban (acl purgers). deploy/varnish/site.vcl is the compose
# set-up's; the tests write their own. The environment variable KCP_PUBLIC_HOST is the host of
# the site's public address (WAGTAILADMIN_BASE_URL). See README.md, "Production with Docker
# Compose".
vcl 4.1;

import std;

include "site.vcl";

sub vcl_recv {
    # One host, the site's public address (WAGTAILADMIN_BASE_URL), which purges name too.
    if (std.getenv("KCP_PUBLIC_HOST") != "") {
        set req.http.host = std.getenv("KCP_PUBLIC_HOST");
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address."));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Banning is not allowed from this address."));
        }
        if (!req.http.X-Ban-Url-Pattern) {
            return (synth(400, "X-Ban-Url-Pattern is missing."));
        }
        # Checked against what each object stores (X-Kcp-Url), so the ban lurker can apply it.
        ban("obj.http.X-Kcp-Url ~ " + req.http.X-Ban-Url-Pattern);
        return (synth(200, "Banned."));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Private by nature: the admin, sign-in and documents (which may be restricted).
    if (req.url ~ "^/(admin|accounts|django-admin|documents)/") {
        return (pass);
    }
    # A signed-in person (or one with an unlocked page) and a message waiting to be shown go
    # to Django; every other cookie (csrftoken, a consent flag...) is dropped, or Vary: Cookie
    # would keep one copy per visitor.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    if (req.http.Authorization) {
        return (pass);
    }

    # Tracking parameters say nothing to the site: one object for every variant.
    if (req.url ~ "(?i)[?&](utm_[a-z0-9_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=") {
        set req.url = regsuball(req.url, "(?i)(?<=[?&])(utm_[a-z0-9_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    return (hash);
}

sub vcl_backend_response {
    # What bans match against (the lurker sees objects, not requests).
    set beresp.http.X-Kcp-Url = bereq.url;

    # Never stored: documents, and anything Django marks private or no-store (a page with a
    # form, a signed-in person's page, a page restricted by login or password, a redirect to
    # sign in). Such requests then skip the waiting list for two minutes (hit-for-miss).
    if (bereq.url ~ "^/documents/"
        || beresp.http.Cache-Control ~ "(?i)private|no-store|no-cache"
        || beresp.http.Set-Cookie
        || beresp.http.Vary == "*"
        || !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept past its freshness while a fresh copy is fetched (grace), and while gunicorn is down.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Kcp-Url;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
