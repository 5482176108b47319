double f(double a, double b) { return a / b; }
