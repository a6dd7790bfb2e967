from huddle_shared.migrations import run_env
from huddle_teams.adapters.tables import metadata

run_env(metadata)
