"""The desktop application: Qt adapters over the Qt-free core (:mod:`editor.core`)."""
