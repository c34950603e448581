# The MLP of torch_mlp.py in Keras 3: same data, split, architecture and
# hyperparameters; compile() and fit() replace the training loop.
# Keras 3 runs on TensorFlow, JAX or PyTorch; this file picks PyTorch unless
# KERAS_BACKEND says otherwise (pip install keras torch).
# Run: python docs/code/keras_mlp.py  (the last line printed is the test accuracy)
import os

os.environ.setdefault("KERAS_BACKEND", "torch")  # must be set before importing keras
import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(0)
X, y = load_digits(return_X_y=True)
order = np.random.default_rng(0).permutation(len(X))  # the split of numpy_mlp.py
test, train = order[:len(X) // 5], order[len(X) // 5:]
X = (X / 16.0).astype("float32")

model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(10)])  # outputs logits
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(X[train], y[train], batch_size=32, epochs=30, verbose=0)
loss, accuracy = model.evaluate(X[test], y[test], verbose=0)
print(f"test accuracy: {accuracy:.4f}")
