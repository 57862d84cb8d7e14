package io.wakestream.common.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes tiny real ONNX graphs for the tests with the {@code onnx} Python package (Debian
 * python3-onnx), so no binary model is committed.
 */
final class TinyOnnxModels {

    static final String PYTHON = "/usr/bin/python3";

    /** affine.onnx: y = 2x + 1 on x[batch, 3]; pair.onnx: sum and product of a[2] and b[2]; argmax.onnx: int64 output. */
    private static final String SCRIPT = """
            import sys, onnx
            from onnx import helper, TensorProto as T
            out = sys.argv[1]
            def save(name, nodes, inputs, outputs, inits=()):
                graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(inits))
                model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
                model.ir_version = 8
                onnx.checker.check_model(model)
                onnx.save(model, f"{out}/{name}.onnx")
            save("affine",
                 [helper.make_node("Mul", ["x", "two"], ["doubled"]), helper.make_node("Add", ["doubled", "one"], ["y"])],
                 [helper.make_tensor_value_info("x", T.FLOAT, ["batch", 3])],
                 [helper.make_tensor_value_info("y", T.FLOAT, ["batch", 3])],
                 [helper.make_tensor("two", T.FLOAT, [], [2.0]), helper.make_tensor("one", T.FLOAT, [], [1.0])])
            save("pair",
                 [helper.make_node("Add", ["a", "b"], ["sum"]), helper.make_node("Mul", ["a", "b"], ["product"])],
                 [helper.make_tensor_value_info("a", T.FLOAT, [2]), helper.make_tensor_value_info("b", T.FLOAT, [2])],
                 [helper.make_tensor_value_info("sum", T.FLOAT, [2]), helper.make_tensor_value_info("product", T.FLOAT, [2])])
            save("argmax",
                 [helper.make_node("ArgMax", ["x"], ["index"], axis=0, keepdims=0)],
                 [helper.make_tensor_value_info("x", T.FLOAT, [4])],
                 [helper.make_tensor_value_info("index", T.INT64, [])])
            """;

    private TinyOnnxModels() {
    }

    static boolean pythonOnnxAvailable() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import onnx").redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void writeTo(Path directory) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON, "-c", SCRIPT, directory.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(120, TimeUnit.SECONDS) || python.exitValue() != 0) {
            throw new IOException("generating test ONNX models failed: " + output);
        }
        for (String name : new String[] {"affine", "pair", "argmax"}) {
            if (!Files.isRegularFile(directory.resolve(name + ".onnx"))) {
                throw new IOException("python did not write " + name + ".onnx: " + output);
            }
        }
    }
}
