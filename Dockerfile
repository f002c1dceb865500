# The KCP site for production: gunicorn with production settings, static files by whitenoise.
# Run the worker and the scheduler from the same image:
#   docker run IMAGE python manage.py db_worker --backend background --queue-name '*'
#   docker run IMAGE python manage.py run_scheduler
# An exact tag (Python patch release and Debian release), so a rebuild gets the same base.
# Pin it by digest too (python:3.11.14-slim-bookworm@sha256:...) where the registry is
# reachable, from `docker buildx imagetools inspect python:3.11.14-slim-bookworm`.
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=kcp_site.settings.production \
    PORT=8000 \
    WEB_CONCURRENCY=3 \
    MEDIA_ROOT=/var/lib/kcp/media

# Uploaded documents and images: a volume the kcp user owns (see README, "Uploaded media").
RUN useradd --create-home --uid 1000 kcp \
    && mkdir -p /var/lib/kcp/media \
    && chown -R kcp:kcp /var/lib/kcp
WORKDIR /app

# pg_dump / pg_restore for `manage.py backup` and `manage.py restore`; Pango (and fonts) for
# WeasyPrint, which makes the postal batches' PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=kcp:kcp . .
# collectstatic needs settings but no secrets or database.
RUN SECRET_KEY=collectstatic-only KCP_OUTREACH_SUPPRESSION_KEY=collectstatic-only python manage.py collectstatic --no-input --verbosity 0

USER kcp
VOLUME /var/lib/kcp/media
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/')"

# DATABASE_URL, SECRET_KEY and KCP_OUTREACH_SUPPRESSION_KEY come from the environment; migrate before starting new code:
#   docker run IMAGE python manage.py migrate
# gunicorn takes its number of workers from WEB_CONCURRENCY; each is replaced after about
# 1,000 requests (jitter so they do not all restart together).
CMD ["gunicorn", "kcp_site.wsgi:application", "--bind", "0.0.0.0:8000", "--max-requests", "1000", "--max-requests-jitter", "100", "--access-logfile", "-", "--forwarded-allow-ips", "*"]
