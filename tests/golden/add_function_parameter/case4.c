/* broken code clang recovers as a K&R-style definition with an unknown type: no slot for a parameter, so no site */
r;t s(n){
