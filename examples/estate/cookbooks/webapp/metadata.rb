name 'webapp'
maintainer 'Platform team'
description 'Installs and configures the example web application'
version '1.0.0'
