"""newsclean's tests: the folders mirror the package (transforms/<stage>/, pipeline/, benchmarks/)."""
