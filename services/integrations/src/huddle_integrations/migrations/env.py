from huddle_integrations.adapters.tables import metadata
from huddle_shared.migrations import run_env

run_env(metadata)
