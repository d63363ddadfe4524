package dev.leaktrace.bench.untracked;

/** Three implementations, so calls through it stay megamorphic. */
public interface Shape {
    double area();

    String name();

    record Circle(double r) implements Shape {
        public double area() {
            return Math.PI * r * r;
        }

        public String name() {
            return "circle";
        }
    }

    record Rect(double w, double h) implements Shape {
        public double area() {
            return w * h;
        }

        public String name() {
            return "rect";
        }
    }

    record Tri(double b, double h) implements Shape {
        public double area() {
            return 0.5 * b * h;
        }

        public String name() {
            return "tri";
        }
    }
}
