package dev.leaktrace.demo;

public final class ProverDemo {
    public static void main(String[] args) {
        System.out.println("placeholder");
    }
}
