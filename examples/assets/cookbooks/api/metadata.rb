name 'api'
maintainer 'Platform team'
description 'Installs and configures the example API service'
version '0.3.0'
