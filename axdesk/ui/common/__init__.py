"""What every part of the UI uses: the worker, the context, texts and languages, resources."""
