"""How production serves the portal: `gunicorn -c gunicorn.conf.py 'portal:create_app()'`.

Every value can be set from the environment, so one file serves every host (docs/deploy.md).
"""

import multiprocessing
import os

# Where to listen: BIND wins (e.g. "unix:/run/portal.sock"), else PORT on all interfaces.
bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"

# Sync workers: the pages are short database-bound requests. (2 x cores) + 1 is gunicorn's own
# rule of thumb; WEB_CONCURRENCY (the name most platforms set) overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A request that takes longer than this is a bug or a stuck database: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On reload or shutdown, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# Behind a reverse proxy that keeps connections open.
keepalive = 5
# Recycle workers now and then so a slow leak never grows large; jitter avoids all at once.
max_requests = 2000
max_requests_jitter = 200
# The app is built once in the master and forked ready into each worker: importing and building
# it takes about 2 s here, which a recycled worker would otherwise make its queued requests wait.
# Each worker drops the database connections it inherited (post_fork), so none is shared.
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log without personal data: the path without its query string (which may carry a
# token or an OpenID Connect code), no cookies, no referrer; the request id ties the line to
# the app's own log lines. portal.log_redaction also redacts /kalender/<secret> paths.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'

if (os.environ.get("LOG_FORMAT") or "").lower() == "json" or (
    os.environ.get("PORTAL_ENV") == "production" and not os.environ.get("LOG_FORMAT")
):
    _json = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "portal.request_log.JsonFormatter"}},
        "handlers": {"json": _json},
        "root": {"level": loglevel.upper(), "handlers": ["json"]},
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": True},
        },
    }


def post_fork(server, worker):
    # Secrets in URLs are redacted from the access log too, in every worker.
    from portal import log_redaction
    from portal.extensions import db

    log_redaction.install()
    app = server.app.wsgi()
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)  # the master's pooled connections stay the master's
