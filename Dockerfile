# The KCP site for production: gunicorn with production settings, static files by whitenoise.
# Run the worker and the scheduler from the same image:
#   docker run IMAGE python manage.py db_worker --backend background --queue-name '*'
#   docker run IMAGE python manage.py run_scheduler
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=kcp_site.settings.production \
    PORT=8000

RUN useradd --create-home --uid 1000 kcp
WORKDIR /app

# pg_dump / pg_restore for `manage.py backup` and `manage.py restore`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=kcp:kcp . .
# collectstatic needs settings but no secrets or database.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input --verbosity 0

USER kcp
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/')"

# DATABASE_URL and SECRET_KEY come from the environment; migrate before starting new code:
#   docker run IMAGE python manage.py migrate
CMD ["gunicorn", "kcp_site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips", "*"]
