"""The generated clients of the HTTP contract, ``make clients``: the Python packages under
``clients/python/src/huddle_client/<service>/`` (openapi-python-client) and the TypeScript client
in ``clients/typescript/`` (openapi-typescript, through its own ``npm run generate``), both from
the documents in ``docs/openapi/``.

tests/contract/test_python_client.py fails when the committed Python client is not what the
committed documents generate, does not type-check, or cannot drive a running stack.
"""
