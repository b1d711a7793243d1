// End-to-end tests wait on a real server; each bounds its own polling.
jest.setTimeout(180_000);
