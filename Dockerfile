# One image for every sitrep service; the command picks the service:
#   docker run sitrep:local serve entities|casualties|places|merger
#   docker run -v "$PWD/seeds:/seeds:ro" sitrep:local produce /seeds
#
# The project is installed from wheels that deploy/build-images builds on the host
# into deploy/.wheels/, so this build needs no network (it runs with --network none).
# BASE_IMAGE defaults to the public Python image; offline machines pass the locally
# debootstrapped one (deploy/build-images does both, see deploy/README.md).
ARG BASE_IMAGE=python:3.11-slim

# --- deps: a venv with the pinned dependency closure; changes rarely, so cached ---
FROM ${BASE_IMAGE} AS deps
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PIP_NO_INDEX=1
COPY deploy/.wheels/tools/ /wheels/tools/
# pip runs from its wheel: neither the base image nor the venv needs pip or ensurepip.
RUN python3 -m venv --without-pip /opt/sitrep \
 && ln -s /wheels/tools/pip-*.whl /wheels/pip.whl
COPY deploy/.wheels/deps/ /wheels/deps/
RUN /opt/sitrep/bin/python /wheels/pip.whl/pip install -q --no-deps /wheels/deps/*.whl

# --- app: the project itself, staged apart so a code change ships a small layer ---
FROM deps AS app
COPY deploy/.wheels/app/ /wheels/app/
RUN /opt/sitrep/bin/python /wheels/pip.whl/pip install -q --no-deps /wheels/app/*.whl \
 && /opt/sitrep/bin/python /wheels/pip.whl/pip check \
 && /opt/sitrep/bin/python -c "import sitrep.cli"
# Build the gazetteer index here once (seconds of JSON parsing) instead of in every
# places replica at start-up; the runtime user only reads it.
RUN SITREP_CACHE_DIR=/opt/sitrep/cache /opt/sitrep/bin/python -c \
      "from sitrep.core.gazetteer import load_gazetteer; load_gazetteer()" \
 || { mkdir -p /opt/sitrep/cache; echo "gazetteer index not prebuilt: built at start-up"; }
RUN site=$(/opt/sitrep/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))') \
 && mkdir -p "/stage$site" /stage/opt/sitrep/bin \
 && cp -a "$site"/sitrep "$site"/sitrep-*.dist-info "/stage$site/" \
 && cp -a /opt/sitrep/bin/sitrep /stage/opt/sitrep/bin/ \
 && cp -a /opt/sitrep/cache /stage/opt/sitrep/

# --- runtime: base + venv; no compiler, no pip, no wheels ---
FROM ${BASE_IMAGE}
# Metadata first and the project's files last: a code change rebuilds one small layer.
RUN groupadd --system --gid 10001 sitrep \
 && useradd --system --uid 10001 --gid sitrep --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin sitrep
ENV PATH=/opt/sitrep/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SITREP_CACHE_DIR=/opt/sitrep/cache \
    LOG_JSON=true
WORKDIR /tmp
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["sitrep", "health"]
ENTRYPOINT ["sitrep"]
CMD ["--help"]
COPY --from=deps /opt/sitrep /opt/sitrep
COPY --from=app /stage/ /
USER sitrep:sitrep
