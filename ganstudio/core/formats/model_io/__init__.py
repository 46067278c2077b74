"""Exporting a trained GAN to other tools, and importing its weights back.

forward.py   what G and D compute, as data every exporter reads (the one mapping)
weights.py   safetensors: G's and D's weights with the configuration; import back
onnx_graph.py  ONNX graphs of G (noise -> images) and D, built with the onnx package
pytorch_code.py  a folder of generated torch code: model.py, sample.py, train.py
"""
